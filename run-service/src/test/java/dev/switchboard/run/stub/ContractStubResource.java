package dev.switchboard.run.stub;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts the agent-service and thread-service stubs and points run-service's REST clients at them;
 * a test gets them in a {@link ContractStubs} field.
 */
public class ContractStubResource implements QuarkusTestResourceLifecycleManager {

    private final ContractStubs stubs = new ContractStubs();

    @Override
    public Map<String, String> start() {
        stubs.start();
        return Map.of(
                "quarkus.rest-client.agent-service.url", stubs.agentService().url(),
                "quarkus.rest-client.thread-service.url", stubs.threadService().url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stubs, new TestInjector.MatchesType(ContractStubs.class));
    }

    @Override
    public void stop() {
        stubs.stop();
    }
}
