package dev.switchboard.gateway.stub;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts the contract stubs of the three services and points the gateway's REST clients at them; a test gets
 * them in a {@link ServiceStubs} field.
 */
public class ServiceStubsResource implements QuarkusTestResourceLifecycleManager {

    private final ServiceStubs stubs = new ServiceStubs();

    @Override
    public Map<String, String> start() {
        stubs.start();
        return Map.of(
                "quarkus.rest-client.agent-service.url", stubs.agentService().url(),
                "quarkus.rest-client.thread-service.url", stubs.threadService().url(),
                "quarkus.rest-client.run-service.url", stubs.runService().url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stubs, new TestInjector.MatchesType(ServiceStubs.class));
    }

    @Override
    public void stop() {
        stubs.stop();
    }
}
