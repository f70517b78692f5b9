package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ErrorAssert.assertCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.stub.StubHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * A service that cannot be reached is 503; a service that fails is 502; never a 500, and never a message that
 * names the service.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class DownstreamFailureTest extends WithStubbedAgent {

    /** The answer never names a service. */
    private static final Matcher<String> NO_SERVICE_NAMED = not(containsString("run-service"));

    @Test
    void aServiceThatCannotBeReachedIs503() {
        stubs.threadService().stop();
        try {
            assertCode(
                            api.request()
                                    .get("/api/agents/" + agent.id() + "/history")
                                    .then(),
                            503,
                            "unavailable")
                    .body(
                            "error.message",
                            equalTo("a backend service is temporarily unavailable; retry in a few seconds"));
        } finally {
            stubs.threadService().start();
        }
        api.request().get("/api/agents/" + agent.id() + "/history").then().statusCode(200);

        stubs.runService().stop();
        try {
            assertCode(chat("/api/agents/", "{\"message\": \"hi\"}"), 503, "unavailable")
                    .body("error.message", NO_SERVICE_NAMED);
        } finally {
            stubs.runService().start();
        }
    }

    @Test
    void aServiceThatFailsIs502() {
        stubs.agentService().failNextWith(500);
        assertCode(api.request().get("/api/v1/agents/" + agent.id()).then(), 502, "bad_gateway")
                .body("error.message", equalTo("a backend service failed; retry later"))
                .body("error.message", not(containsString("Exception")));
    }

    @Test
    void aServiceThatIsUnavailableIs503() {
        stubs.runService().failNextWith(503);
        assertCode(chat("/api/v1/agents/", "{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}"), 503, "unavailable")
                .body("error.message", NO_SERVICE_NAMED);
    }

    @Test
    void aRunWhoseReplicaStoppedBeforeItAnsweredIsFollowedByIdAndAnsweredOnce() {
        int runsBefore = stubs.runService().received().size();
        stubs.runService().loseAnswers(1);
        chat("/api/v1/agents/", "{\"message\": \"hi after a crash\", \"model\": \"gpt-5-mini\"}")
                .statusCode(200)
                .body("content", equalTo("echo: hi after a crash"));
        var received = stubs.runService()
                .received()
                .subList(runsBefore, stubs.runService().received().size());
        var posts = received.stream().filter(r -> r.method().equals("POST")).toList();
        assertEquals(1, posts.size(), "the run was sent once: " + received);
        String runId = StubHttp.json(posts.get(0).body()).path("runId").asText();
        assertTrue(
                received.stream()
                        .anyMatch(r ->
                                r.method().equals("GET") && r.pathAndQuery().endsWith("/" + runId)),
                "then read by the id the gateway gave it: " + received);
    }

    private ValidatableResponse chat(String agents, String body) {
        return api.json(body).post(agents + agent.id() + "/chat").then();
    }
}
