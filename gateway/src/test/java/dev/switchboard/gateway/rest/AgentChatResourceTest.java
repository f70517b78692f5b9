package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ErrorAssert.assertCode;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 003: chat in the caller's current conversation with an agent, and its history. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class AgentChatResourceTest extends WithStubbedAgent {

    private ValidatableResponse chat(String agentRef, String body) {
        return api.json(body).post("/api/agents/" + agentRef + "/chat").then();
    }

    private ValidatableResponse history(String agentRef, String query) {
        return api.request().get("/api/agents/" + agentRef + "/history" + query).then();
    }

    @Test
    void chatAnswersInTheSnakeCaseShapeOfTheSeed() throws Exception {
        chat(agent.handle(), "{\"message\": \"What's the weather like today?\"}")
                .statusCode(200)
                .body("$", aMapWithSize(3))
                .body("response", equalTo("echo: What's the weather like today?"))
                .body("agent_id", equalTo(agent.handle()))
                .body("agent_name", equalTo("Helper"));
        JsonNode run = stubs.runService().lastRun();
        assertEquals("current", run.get("threadMode").asText());
        // the agent as the client named it: run-service looks it up (the gateway makes no call of its own)
        assertEquals(agent.handle(), run.get("agent").asText());
        assertFalse(run.has("agentId"));
        assertFalse(run.has("model"), "no model: the agent's own");
    }

    @Test
    void anAgentWithoutAHandleIsNamedByItsNumericId() {
        StubWorld.Agent plain = stubs.world().addAgent(api.org, null, "Plain", "gpt-5-mini");
        chat(plain.uuid().toString(), "{\"message\": \"Hello!\"}")
                .statusCode(200)
                .body("agent_id", equalTo(Long.toString(plain.id())))
                .body("agent_name", equalTo("Plain"));
    }

    @Test
    void historyReadsTheCurrentConversationBack() {
        history(String.valueOf(agent.id()), "").statusCode(200).body("messages.size()", equalTo(0));

        chat(String.valueOf(agent.id()), "{\"message\": \"Hello!\"}").statusCode(200);
        chat(agent.handle(), "{\"message\": \"Again\"}").statusCode(200);

        history(agent.handle(), "")
                .statusCode(200)
                .body("messages.size()", equalTo(4))
                .body("messages[0]", aMapWithSize(3))
                .body("messages[0].role", equalTo("user"))
                .body("messages[0].content", equalTo("Hello!"))
                .body("messages[0].created_at", matchesPattern(Api.TIME))
                .body("messages[3].role", equalTo("assistant"))
                .body("messages[3].content", equalTo("echo: Again"));
        assertEquals(
                "/internal/threads/current/messages?agentId=" + agent.uuid() + "&limit=20",
                stubs.threadService().last().pathAndQuery());

        history(agent.handle(), "?limit=1")
                .statusCode(200)
                .body("messages.size()", equalTo(1))
                .body("messages[0].content", equalTo("echo: Again"));
    }

    @Test
    void historyLimitAbove100IsClamped() {
        history(String.valueOf(agent.id()), "?limit=500").statusCode(200);
        assertEquals(
                "/internal/threads/current/messages?agentId=" + agent.uuid() + "&limit=100",
                stubs.threadService().last().pathAndQuery());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "abc", "1.5"})
    void historyLimitBelow1OrNotAnIntegerIs400(String bad) {
        assertCode(history(String.valueOf(agent.id()), "?limit=" + bad), 400, "invalid_argument")
                .body("error.field", equalTo("limit"));
    }

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                arguments("{}", "message"),
                arguments("{\"message\": \"\"}", "message"),
                // a bean-validation failure names the field as the JSON body does, not as the Java record does
                arguments(
                        "{\"message\": \"hi\", \"conversation_id\": \"" + "x".repeat(101) + "\"}", "conversation_id"));
    }

    @ParameterizedTest
    @MethodSource("refusedBodies")
    void aBadBodyIs400NamingTheFieldAsTheBodyNamesIt(String body, String field) {
        chat(String.valueOf(agent.id()), body).statusCode(400).body("error.field", equalTo(field));
    }

    @Test
    void anUnknownAgentIs404() {
        chat("nobody", "{\"message\": \"hi\"}")
                .statusCode(404)
                .body("error.code", equalTo("not_found"))
                .body("error.message", equalTo("agent nobody not found"))
                .body("error.field", equalTo("id"));
        history("nobody", "").statusCode(404).body("error.code", equalTo("not_found"));
    }
}
