package dev.switchboard.gateway.ratelimit;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RateLimitCostBenchmark}'s load with the limits switched off, to compare. */
@QuarkusTest
@TestProfile(RateLimitOffCostBenchmark.Off.class)
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class RateLimitOffCostBenchmark {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.gateway.rate-limits.enabled", "false");
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void measure() throws Exception {
        CostLoop load = new CostLoop(gateway);
        load.run("warm-up", 5_000);
        CostLoop.report(load.run("limits off", 20_000).row());
    }
}
