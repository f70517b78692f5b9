package dev.switchboard.gateway.rest;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 003: chat in the caller's current conversation with an agent, and its history. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class AgentChatResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    ServiceStubs stubs;

    final Api api = new Api();
    StubWorld.Agent agent;

    @BeforeEach
    void anAgent() {
        agent = stubs.world()
                .addAgent(
                        api.org,
                        "assistant-" + UUID.randomUUID().toString().substring(0, 8),
                        "My Assistant",
                        "gpt-5-mini");
    }

    @Test
    void chatAnswersInTheSnakeCaseShapeOfTheSeed() throws Exception {
        api.json("{\"message\": \"What's the weather like today?\"}")
                .post("/api/agents/" + agent.handle() + "/chat")
                .then()
                .statusCode(200)
                .body("$", aMapWithSize(3))
                .body("response", equalTo("echo: What's the weather like today?"))
                .body("agent_id", equalTo(agent.handle()))
                .body("agent_name", equalTo("My Assistant"));
        JsonNode run = JSON.readTree(stubs.runService().last().body());
        assertEquals("current", run.get("threadMode").asText());
        // the agent as the client named it: run-service looks it up (the gateway makes no call of its own)
        assertEquals(agent.handle(), run.get("agent").asText());
        assertFalse(run.has("agentId"));
        assertFalse(run.has("model"), "no model: the agent's own");
    }

    @Test
    void anAgentWithoutAHandleIsNamedByItsNumericId() {
        StubWorld.Agent plain = stubs.world().addAgent(api.org, null, "Plain", "gpt-5-mini");
        api.json("{\"message\": \"Hello!\"}")
                .post("/api/agents/" + plain.uuid() + "/chat")
                .then()
                .statusCode(200)
                .body("agent_id", equalTo(Long.toString(plain.id())))
                .body("agent_name", equalTo("Plain"));
    }

    @Test
    void historyReadsTheCurrentConversationBack() {
        api.request()
                .get("/api/agents/" + agent.id() + "/history")
                .then()
                .statusCode(200)
                .body("messages.size()", equalTo(0));

        api.json("{\"message\": \"Hello!\"}")
                .post("/api/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(200);
        api.json("{\"message\": \"Again\"}")
                .post("/api/agents/" + agent.handle() + "/chat")
                .then()
                .statusCode(200);

        api.request()
                .get("/api/agents/" + agent.handle() + "/history")
                .then()
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

        api.request()
                .get("/api/agents/" + agent.handle() + "/history?limit=1")
                .then()
                .statusCode(200)
                .body("messages.size()", equalTo(1))
                .body("messages[0].content", equalTo("echo: Again"));
    }

    @Test
    void historyLimitAbove100IsClampedAndBelow1OrNotAnIntegerIs400() {
        api.request()
                .get("/api/agents/" + agent.id() + "/history?limit=500")
                .then()
                .statusCode(200);
        assertEquals(
                "/internal/threads/current/messages?agentId=" + agent.uuid() + "&limit=100",
                stubs.threadService().last().pathAndQuery());

        for (String bad : new String[] {"0", "-3", "abc", "1.5"}) {
            api.request()
                    .get("/api/agents/" + agent.id() + "/history?limit=" + bad)
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("invalid_argument"))
                    .body("error.field", equalTo("limit"));
        }
    }

    @Test
    void messageIsRequiredAndAnUnknownAgentIs404() {
        api.json("{}")
                .post("/api/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("message"));
        api.json("{\"message\": \"\"}")
                .post("/api/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("message"));
        // a bean-validation failure names the field as the JSON body does, not as the Java record does
        api.json("{\"message\": \"hi\", \"conversation_id\": \"" + "x".repeat(101) + "\"}")
                .post("/api/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("conversation_id"));
        api.json("{\"message\": \"hi\"}")
                .post("/api/agents/nobody/chat")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("not_found"))
                .body("error.message", equalTo("agent nobody not found"))
                .body("error.field", equalTo("id"));
        api.request().get("/api/agents/nobody/history").then().statusCode(404).body("error.code", equalTo("not_found"));
    }
}
