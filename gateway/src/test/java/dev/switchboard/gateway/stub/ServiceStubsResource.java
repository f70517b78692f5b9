package dev.switchboard.gateway.stub;

import dev.switchboard.local.testing.stub.StubServersResource;
import java.util.Map;

/**
 * Starts the contract stubs of the three services and points the gateway's REST clients at them; a test gets
 * them in a {@link ServiceStubs} field.
 */
public class ServiceStubsResource extends StubServersResource<ServiceStubs> {

    public ServiceStubsResource() {
        this(new ServiceStubs());
    }

    private ServiceStubsResource(ServiceStubs stubs) {
        super(
                stubs,
                Map.of(
                        "agent-service", stubs.agentService(),
                        "thread-service", stubs.threadService(),
                        "run-service", stubs.runService()));
    }
}
