package dev.switchboard.local.testing.stub;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a service's stubbed neighbours for a Quarkus test and points the service's REST clients at them
 * ({@code quarkus.rest-client.<config key>.url}); a test gets the holder of the stubs, of type {@code S}, in a
 * field of that type.
 */
public abstract class StubServersResource<S> implements QuarkusTestResourceLifecycleManager {

    private final S stubs;
    private final Map<String, StubServer> byRestClient;

    /** @param byRestClient each stub by the config key of the REST client that calls it */
    protected StubServersResource(S stubs, Map<String, StubServer> byRestClient) {
        this.stubs = stubs;
        this.byRestClient = Map.copyOf(byRestClient);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        byRestClient.forEach((client, stub) -> {
            stub.start();
            config.put("quarkus.rest-client." + client + ".url", stub.url());
        });
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stubs, new TestInjector.MatchesType(stubs.getClass()));
    }

    @Override
    public void stop() {
        byRestClient.values().forEach(StubServer::stop);
    }
}
