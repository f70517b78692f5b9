package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ErrorAssert.assertCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.stub.RunServiceStub;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 000: chat on a new or an existing thread, and the conversation read back. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class AgentConversationResourceTest extends WithStubbedAgent {

    private static final String HI = "{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}";

    private ValidatableResponse chat(Object agentRef, String body) {
        return api.json(body).post("/api/v1/agents/" + agentRef + "/chat").then();
    }

    private ValidatableResponse chatOn(Api caller, Object agentRef, String threadId, String body) {
        return caller.json(body)
                .post("/api/v1/agents/" + agentRef + "/conversations/" + threadId + "/chat")
                .then();
    }

    private ValidatableResponse conversation(Api caller, Object agentRef, String threadId) {
        return caller.request()
                .get("/api/v1/agents/" + agentRef + "/conversations/" + threadId)
                .then();
    }

    /** A chat that starts a thread with "Hello"; its id. */
    private String newThread(Object agentRef) {
        return chat(agentRef, "{\"message\": \"Hello\", \"model\": \"gpt-5-mini\"}")
                .statusCode(200)
                .extract()
                .path("threadId");
    }

    @Test
    void chatStartsAThreadThenContinuesIt() throws Exception {
        ValidatableResponse first = chat(agent.id(), """
                {"message": "Summarize open support tickets from last week.", "model": "claude-sonnet-4.6"}""")
                .statusCode(200)
                .body("content", equalTo("echo: Summarize open support tickets from last week."));
        String threadId = first.extract().path("threadId");
        String runId = first.extract().path("runId");
        UUID.fromString(runId);
        JsonNode run = stubs.runService().lastRun();
        assertEquals(agent.uuid().toString(), run.get("agentId").asText());
        assertEquals("new", run.get("threadMode").asText());
        assertFalse(run.has("threadId"));
        assertEquals("claude-sonnet-4.6", run.get("model").asText());

        ValidatableResponse second = chatOn(
                        api,
                        agent.handle(),
                        threadId,
                        "{\"message\": \"And the week before?\", \"model\": \"gpt-5.5\"}")
                .statusCode(200)
                .body("content", equalTo("echo: And the week before?"))
                .body("threadId", equalTo(threadId));
        assertNotEquals(runId, second.extract().path("runId"));
        run = stubs.runService().lastRun();
        assertEquals("existing", run.get("threadMode").asText());
        assertEquals(threadId, run.get("threadId").asText());
        assertEquals("gpt-5.5", run.get("model").asText());
    }

    @Test
    void theConversationReadsBackWithItsSummaryAndMessages() {
        String threadId = newThread(agent.uuid());
        String runId = stubs.world().thread(threadId).messages().get(0).runId().toString();

        conversation(api, agent.id(), threadId)
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
        String threadId = newThread(agent.id());
        StubWorld.Agent other = stubs.world().addAgent(api.org, null, "Other", "gpt-5-mini");

        assertCode(conversation(api, other.id(), threadId), 404, "not_found");
        assertCode(chatOn(api, other.id(), threadId, HI), 404, "not_found")
                .body("error.field", equalTo("threadId"))
                .body("error.message", equalTo("thread " + threadId + " not found"));

        Api stranger = new Api();
        StubWorld.Agent theirs = stubs.world().addAgent(stranger.org, null, "Theirs", "gpt-5-mini");
        assertCode(conversation(stranger, theirs.id(), threadId), 404, "not_found");
    }

    @Test
    void anUnknownThreadOrAgentIs404FromTheService() {
        assertCode(chatOn(api, agent.id(), "no-such-thread", HI), 404, "not_found")
                .body("error.field", equalTo("threadId"));
        chat("nobody", HI).statusCode(404).body("error.message", equalTo("agent nobody not found"));
        conversation(api, agent.id(), "no-such-thread")
                .statusCode(404)
                .body("error.message", equalTo("thread no-such-thread not found"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"message\": \"hi\"}",
                "{\"message\": \"hi\", \"model\": \"gpt-4o\"}",
                "{\"message\": \"hi\", \"model\": \"\"}"
            })
    void modelIsRequiredAndCanonical(String body) {
        ValidatableResponse rejected =
                assertCode(chat(agent.id(), body), 400, "invalid_argument").body("error.field", equalTo("model"));
        RunServiceStub.MODELS.forEach(id -> rejected.body("error.message", containsString(id)));
    }

    @Test
    void messageIsRequiredAndNotEmpty() {
        chatOn(api, agent.id(), "t", "{\"model\": \"gpt-5-mini\"}")
                .statusCode(400)
                .body("error.field", equalTo("message"))
                .body("error.message", equalTo("message is required"));
        chat(agent.id(), "{\"message\": null, \"model\": \"gpt-5-mini\"}")
                .statusCode(400)
                .body("error.field", equalTo("message"));
        assertCode(
                        api.request()
                                .contentType("application/json")
                                .post("/api/v1/agents/" + agent.id() + "/conversations/t/chat")
                                .then(),
                        400,
                        "invalid_argument")
                .body("error.field", nullValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"message\": \"\", \"model\": \"gpt-5-mini\"}",
                "{\"message\": [\"hi\"], \"model\": \"gpt-5-mini\"}"
            })
    void anEmptyOrNonTextMessageIs400(String body) {
        chatOn(api, agent.id(), "t", body).statusCode(400).body("error.field", equalTo("message"));
    }
}
