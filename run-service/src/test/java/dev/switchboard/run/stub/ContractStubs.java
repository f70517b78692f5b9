package dev.switchboard.run.stub;

/** The stubs of agent-service and thread-service a test talks to; injected by {@link ContractStubResource}. */
public class ContractStubs {

    private final AgentServiceStub agentService = new AgentServiceStub();
    private final ThreadServiceStub threadService = new ThreadServiceStub();

    public AgentServiceStub agentService() {
        return agentService;
    }

    public ThreadServiceStub threadService() {
        return threadService;
    }
}
