package dev.switchboard.run.stub;

import dev.switchboard.local.testing.stub.StubServersResource;
import java.util.Map;

/**
 * Starts the agent-service and thread-service stubs and points run-service's REST clients at them;
 * a test gets them in a {@link ContractStubs} field.
 */
public class ContractStubResource extends StubServersResource<ContractStubs> {

    public ContractStubResource() {
        this(new ContractStubs());
    }

    private ContractStubResource(ContractStubs stubs) {
        super(stubs, Map.of("agent-service", stubs.agentService(), "thread-service", stubs.threadService()));
    }
}
