package dev.switchboard.gateway.stub;

/** The stubs of agent-, thread- and run-service a test talks to, over one world; injected by {@link ServiceStubsResource}. */
public record ServiceStubs(
        StubWorld world, AgentServiceStub agentService, ThreadServiceStub threadService, RunServiceStub runService) {

    public ServiceStubs() {
        this(new StubWorld());
    }

    private ServiceStubs(StubWorld world) {
        this(world, new AgentServiceStub(world), new ThreadServiceStub(world), new RunServiceStub(world));
    }
}
