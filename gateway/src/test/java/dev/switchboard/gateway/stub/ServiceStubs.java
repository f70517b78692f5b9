package dev.switchboard.gateway.stub;

/** The stubs of agent-, thread- and run-service a test talks to; injected by {@link ServiceStubsResource}. */
public class ServiceStubs {

    private final StubWorld world = new StubWorld();
    private final AgentServiceStub agentService = new AgentServiceStub(world);
    private final ThreadServiceStub threadService = new ThreadServiceStub(world);
    private final RunServiceStub runService = new RunServiceStub(world);

    public StubWorld world() {
        return world;
    }

    public AgentServiceStub agentService() {
        return agentService;
    }

    public ThreadServiceStub threadService() {
        return threadService;
    }

    public RunServiceStub runService() {
        return runService;
    }
}
