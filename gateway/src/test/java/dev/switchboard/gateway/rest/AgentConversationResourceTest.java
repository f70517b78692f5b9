package dev.switchboard.gateway.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.stub.RunServiceStub;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 000: chat on a new or an existing thread, and the conversation read back. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class AgentConversationResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    ServiceStubs stubs;

    final Api api = new Api();
    StubWorld.Agent agent;

    @BeforeEach
    void anAgent() {
        agent = stubs.world()
                .addAgent(api.org, "helper-" + UUID.randomUUID().toString().substring(0, 8), "Helper", "gpt-5-mini");
    }

    @Test
    void chatStartsAThreadThenContinuesIt() throws Exception {
        ValidatableResponse first = api.json("""
                {"message": "Summarize open support tickets from last week.", "model": "claude-sonnet-4.6"}""")
                .post("/api/v1/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(200)
                .body("content", equalTo("echo: Summarize open support tickets from last week."));
        String threadId = first.extract().path("threadId");
        String runId = first.extract().path("runId");
        UUID.fromString(runId);
        JsonNode run = JSON.readTree(stubs.runService().last().body());
        assertEquals(agent.uuid().toString(), run.get("agentId").asText());
        assertEquals("new", run.get("threadMode").asText());
        assertFalse(run.has("threadId"));
        assertEquals("claude-sonnet-4.6", run.get("model").asText());

        ValidatableResponse second = api.json("{\"message\": \"And the week before?\", \"model\": \"gpt-5.5\"}")
                .post("/api/v1/agents/" + agent.handle() + "/conversations/" + threadId + "/chat")
                .then()
                .statusCode(200)
                .body("content", equalTo("echo: And the week before?"))
                .body("threadId", equalTo(threadId));
        assertNotEquals(runId, second.extract().path("runId"));
        run = JSON.readTree(stubs.runService().last().body());
        assertEquals("existing", run.get("threadMode").asText());
        assertEquals(threadId, run.get("threadId").asText());
        assertEquals("gpt-5.5", run.get("model").asText());
    }

    @Test
    void theConversationReadsBackWithItsSummaryAndMessages() {
        String threadId = api.json("{\"message\": \"Hello\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents/" + agent.uuid() + "/chat")
                .then()
                .statusCode(200)
                .extract()
                .path("threadId");
        String runId = stubs.world().thread(threadId).messages().get(0).runId().toString();

        api.request()
                .get("/api/v1/agents/" + agent.id() + "/conversations/" + threadId)
                .then()
                .statusCode(200)
                .body("threadId", equalTo(threadId))
                .body("skillId", equalTo((int) agent.id()))
                .body("title", equalTo("Hello"))
                .body("firstMessage", equalTo("Hello"))
                .body("messageCount", equalTo(2))
                .body("createdAt", matchesPattern(Api.TIME))
                .body("updatedAt", matchesPattern(Api.TIME))
                .body("userIds", equalTo(List.of(api.user)))
                .body("messages.size()", equalTo(2))
                .body("messages[0].role", equalTo("user"))
                .body("messages[0].content", equalTo("Hello"))
                .body("messages[0].runId", equalTo(runId))
                .body("messages[0].createdAt", matchesPattern(Api.TIME))
                .body("messages[1].role", equalTo("assistant"))
                .body("messages[1].content", equalTo("echo: Hello"))
                .body("messages[1].id", matchesPattern("[0-9a-f-]{36}"));
        assertEquals(
                "/internal/threads/" + threadId + "/messages?limit=1000",
                stubs.threadService().last().pathAndQuery());
    }

    @Test
    void anotherAgentsOrOrgsThreadIs404() {
        String threadId = api.json("{\"message\": \"Hello\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(200)
                .extract()
                .path("threadId");
        StubWorld.Agent other = stubs.world().addAgent(api.org, null, "Other", "gpt-5-mini");

        api.request()
                .get("/api/v1/agents/" + other.id() + "/conversations/" + threadId)
                .then()
                .statusCode(404)
                .body("error.code", equalTo("not_found"));
        api.json("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents/" + other.id() + "/conversations/" + threadId + "/chat")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("not_found"))
                .body("error.field", equalTo("threadId"))
                .body("error.message", equalTo("thread " + threadId + " not found"));

        Api stranger = new Api();
        StubWorld.Agent theirs = stubs.world().addAgent(stranger.org, null, "Theirs", "gpt-5-mini");
        stranger.request()
                .get("/api/v1/agents/" + theirs.id() + "/conversations/" + threadId)
                .then()
                .statusCode(404)
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void anUnknownThreadOrAgentIs404FromTheService() {
        api.json("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents/" + agent.id() + "/conversations/no-such-thread/chat")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("not_found"))
                .body("error.field", equalTo("threadId"));
        api.json("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents/nobody/chat")
                .then()
                .statusCode(404)
                .body("error.message", equalTo("agent nobody not found"));
        api.request()
                .get("/api/v1/agents/" + agent.id() + "/conversations/no-such-thread")
                .then()
                .statusCode(404)
                .body("error.message", equalTo("thread no-such-thread not found"));
    }

    @Test
    void modelIsRequiredAndCanonical() {
        for (String body : new String[] {
            "{\"message\": \"hi\"}",
            "{\"message\": \"hi\", \"model\": \"gpt-4o\"}",
            "{\"message\": \"hi\", \"model\": \"\"}"
        }) {
            ValidatableResponse rejected = api.json(body)
                    .post("/api/v1/agents/" + agent.id() + "/chat")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("invalid_argument"))
                    .body("error.field", equalTo("model"));
            RunServiceStub.MODELS.forEach(id -> rejected.body("error.message", containsString(id)));
        }
    }

    @Test
    void messageIsRequiredAndNotEmpty() {
        String path = "/api/v1/agents/" + agent.id() + "/conversations/t/chat";
        api.json("{\"model\": \"gpt-5-mini\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("error.field", equalTo("message"))
                .body("error.message", equalTo("message is required"));
        api.json("{\"message\": \"\", \"model\": \"gpt-5-mini\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("error.field", equalTo("message"));
        api.json("{\"message\": null, \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("message"));
        api.json("{\"message\": [\"hi\"], \"model\": \"gpt-5-mini\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("error.field", equalTo("message"));
        api.request()
                .contentType("application/json")
                .post(path)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_argument"))
                .body("error.field", nullValue());
    }
}
