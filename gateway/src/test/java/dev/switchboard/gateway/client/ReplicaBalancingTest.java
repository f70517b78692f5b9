package dev.switchboard.gateway.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.infra.Ports;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.stub.StubServer.Received;
import dev.switchboard.platform.web.replicas.ReplicaSet;
import dev.switchboard.platform.web.replicas.Replicas;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The gateway's REST clients go through the platform's load balancer: agent-service is listed as two replicas, one
 * of which refuses connections (nothing listens there); every call, reads and a create, is answered by the live
 * one, each received exactly once, and the dead one is skipped.
 */
@QuarkusTest
@TestProfile(ReplicaBalancingTest.DeadReplicaFirst.class)
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class ReplicaBalancingTest {

    /**
     * The application's replica list, dead one first. Quarkus loads this class twice (once to read the profile,
     * once in the application's class loader to run the test), and each copy's static fields are initialised anew:
     * a port picked in a static field here would not be the one the application was given, so the test reads the
     * list back from the application's configuration.
     */
    public static class DeadReplicaFirst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "switchboard.replicas.agent-service",
                    "http://127.0.0.1:" + Ports.free() + ",${quarkus.rest-client.agent-service.url}",
                    // the dead replica stays skipped for the whole test, however slow the machine
                    Replicas.SKIP_FOR,
                    "5m");
        }
    }

    @ConfigProperty(name = "switchboard.replicas.agent-service")
    String replicaList;

    @ConfigProperty(name = "quarkus.rest-client.agent-service.url")
    String liveUrl;

    ServiceStubs stubs;

    final Api api = Api.admin();

    @Test
    void callsReachTheLiveReplicaOnceEachAndTheDeadOneIsSkipped() {
        List<URI> listed =
                Arrays.stream(replicaList.split(",")).map(URI::create).toList();
        URI dead = listed.get(0);
        URI live = URI.create(liveUrl);
        assertEquals(List.of(dead, live), listed);
        assertEquals(URI.create(stubs.agentService().url()), live);

        int before = stubs.agentService().received().size();
        api.json("{\"name\": \"Balanced\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201);
        for (int i = 0; i < 4; i++) {
            api.request().get("/api/v1/agents").then().statusCode(200);
        }

        // the call the round-robin gave to the dead replica first was refused before a byte was sent and was sent
        // again to the live one; all answered (2xx) by the live replica, which received the create once, each read once
        List<Received> received = stubs.agentService()
                .received()
                .subList(before, stubs.agentService().received().size());
        assertEquals(
                1,
                received.stream()
                        .filter(r ->
                                r.method().equals("POST") && r.pathAndQuery().equals("/internal/agents"))
                        .count(),
                received.toString());
        assertEquals(
                4,
                received.stream()
                        .filter(r ->
                                r.method().equals("GET") && r.pathAndQuery().startsWith("/internal/agents"))
                        .count(),
                received.toString());

        ReplicaSet set = Replicas.current().forKey("agent-service").orElseThrow();
        assertEquals(List.of(dead, live), set.replicas());
        await().atMost(Duration.ofSeconds(10)).until(() -> set.isSkipped(dead));
        assertFalse(set.isSkipped(live));
        // skipped: the next calls go to the live replica whatever their turn
        assertEquals(live, set.next());
        assertEquals(live, set.next());
        assertTrue(set.isSkipped(dead));
    }
}
