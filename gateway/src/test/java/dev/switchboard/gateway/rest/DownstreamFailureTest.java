package dev.switchboard.gateway.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service that cannot be reached is 503; a service that fails is 502; never a 500, and never a message that
 * names the service.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class DownstreamFailureTest {

    ServiceStubs stubs;

    final Api api = new Api();
    StubWorld.Agent agent;

    @BeforeEach
    void anAgent() {
        agent = stubs.world().addAgent(api.org, null, "Helper", "gpt-5-mini");
    }

    @Test
    void aServiceThatCannotBeReachedIs503() {
        stubs.threadService().stop();
        try {
            api.request()
                    .get("/api/agents/" + agent.id() + "/history")
                    .then()
                    .statusCode(503)
                    .contentType("application/json")
                    .body("error.code", equalTo("unavailable"))
                    .body(
                            "error.message",
                            equalTo("a backend service is temporarily unavailable; retry in a few " + "seconds"));
        } finally {
            stubs.threadService().start();
        }
        api.request().get("/api/agents/" + agent.id() + "/history").then().statusCode(200);

        stubs.runService().stop();
        try {
            api.json("{\"message\": \"hi\"}")
                    .post("/api/agents/" + agent.id() + "/chat")
                    .then()
                    .statusCode(503)
                    .body("error.code", equalTo("unavailable"))
                    .body("error.message", not(containsString("run-service")));
        } finally {
            stubs.runService().start();
        }
    }

    @Test
    void aServiceThatFailsIs502() {
        stubs.agentService().failNextWith(500);
        api.request()
                .get("/api/v1/agents/" + agent.id())
                .then()
                .statusCode(502)
                .contentType("application/json")
                .body("error.code", equalTo("bad_gateway"))
                .body("error.message", equalTo("a backend service failed; retry later"))
                .body("error.message", not(containsString("Exception")));
    }

    @Test
    void aServiceThatIsUnavailableIs503() {
        stubs.runService().failNextWith(503);
        api.json("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("unavailable"))
                .body("error.message", not(containsString("run-service")));
    }
}
