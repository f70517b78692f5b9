package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of the agent routes arrange alike, against the service stubs ({@code ServiceStubsResource}): a
 * member of a fresh org and an agent of theirs, {@code helper-<random>} named "Helper".
 */
abstract class WithStubbedAgent {

    ServiceStubs stubs;

    final Api api = new Api();
    StubWorld.Agent agent;

    @BeforeEach
    void anAgent() {
        agent = stubs.world()
                .addAgent(api.org, "helper-" + UUID.randomUUID().toString().substring(0, 8), "Helper", "gpt-5-mini");
    }

    /** How many requests the three services received so far. */
    int calls() {
        return stubs.agentService().received().size()
                + stubs.threadService().received().size()
                + stubs.runService().received().size();
    }
}
