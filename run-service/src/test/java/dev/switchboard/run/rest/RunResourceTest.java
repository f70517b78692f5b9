package dev.switchboard.run.rest;

import static dev.switchboard.local.testing.Api.TIME;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TopicRecords;
import dev.switchboard.run.client.NewMessage;
import dev.switchboard.run.client.ThreadClient;
import dev.switchboard.run.service.RunPrompts;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import dev.switchboard.run.stub.ThreadServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run end to end through real HTTP, PostgreSQL and Kafka, against stubs of agent- and thread-service. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
class RunResourceTest {

    ContractStubs stubs;

    @Inject
    ThreadClient threadClient;

    RunCalls caller;
    String org;
    String user;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() {
        caller = RunCalls.newOrg();
        org = caller.org();
        user = caller.user();
        agent = stubs.agentService().addAgent(org, "demo-agent", "demo", "gpt-5-mini");
    }

    @Test
    void runOnANewThreadAnswersQuotingTheMessageAndIsStored() {
        String message = "Summarize open \"support\" tickets — ünïcode ok?";
        ExtractableResponse<Response> run = caller.run(RunBody.newThread(agent, message))
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("provider", equalTo("offline"))
                .body("model", equalTo("gpt-5-mini"))
                .body(
                        "content",
                        equalTo("[offline] demo-agent received: \"" + message
                                + "\". No model provider is configured, so this is a canned reply."))
                .body("agent.id", equalTo((int) agent.id()))
                .body("agent.uuid", equalTo(agent.uuid().toString()))
                .body("agent.name", equalTo("demo-agent"))
                .body("agent.handle", equalTo("demo"))
                .body("createdAt", matchesPattern(TIME))
                .body("startedAt", matchesPattern(TIME))
                .body("completedAt", matchesPattern(TIME))
                .extract();
        String runId = run.path("runId");
        String threadId = run.path("threadId");

        caller.get(runId)
                .statusCode(200)
                .body("runId", equalTo(runId))
                .body("threadId", equalTo(threadId))
                .body("status", equalTo("completed"))
                .body("content", containsString(message))
                .body("completedAt", equalTo(run.path("completedAt")))
                .body("error", nullValue());

        // the caller's token went on to both services
        assertEquals("Bearer " + caller.token(), stubs.agentService().last().authorization());
        assertEquals("Bearer " + caller.token(), stubs.threadService().last().authorization());
    }

    @Test
    void withNoProviderConfiguredEveryModelIsOffline() {
        caller.request()
                .get("/internal/models")
                .then()
                .statusCode(200)
                .body("models.size()", equalTo(19))
                .body("models[0].id", equalTo("claude-sonnet-4.6"))
                .body("models[0].providerModel", equalTo("claude-sonnet-4.6"))
                .body("models.provider", everyItem(equalTo("offline")));
    }

    @Test
    void userAndAssistantMessagesReachTheThreadWithDeterministicIds() {
        ExtractableResponse<Response> run = caller.run(
                        RunBody.newThread(agent, "hello there").with("model", "claude-sonnet-4.6"))
                .statusCode(200)
                .body("model", equalTo("claude-sonnet-4.6"))
                .extract();
        UUID runId = UUID.fromString(run.path("runId"));
        String threadId = run.path("threadId");

        List<ThreadServiceStub.Message> messages = stubs.threadService().messages(threadId);
        assertEquals(2, messages.size());
        assertEquals(RunPrompts.messageId(org, runId, "user"), messages.get(0).id());
        assertEquals("user", messages.get(0).role());
        assertEquals("hello there", messages.get(0).content());
        assertEquals(
                RunPrompts.messageId(org, runId, "assistant"), messages.get(1).id());
        assertEquals("assistant", messages.get(1).role());
        assertEquals(runId, messages.get(1).runId());
        assertEquals(run.path("content"), messages.get(1).content());

        // sending the same message again (a retry) leaves the thread as it was
        threadClient
                .append(
                        threadId,
                        new NewMessage(messages.get(1).id(), "assistant", "changed", runId),
                        "Bearer " + caller.token())
                .await()
                .atMost(Duration.ofSeconds(10));
        assertEquals(messages, stubs.threadService().messages(threadId));
    }

    @Test
    void runsOnAnExistingThreadSeeItsHistory() {
        String threadId = threadOf(caller.run(RunBody.newThread(agent, "first")));
        caller.run(RunBody.onThread(agent, threadId, "second"))
                .statusCode(200)
                .body("threadId", equalTo(threadId))
                .body("content", containsString("\"second\""));
        List<ThreadServiceStub.Message> messages = stubs.threadService().messages(threadId);
        assertEquals(
                List.of("first", "second"),
                messages.stream()
                        .filter(m -> m.role().equals("user"))
                        .map(ThreadServiceStub.Message::content)
                        .toList());
        assertEquals(4, messages.size());
    }

    @Test
    void currentThreadModeReusesTheCallersCurrentThread() {
        String first = threadOf(caller.run(RunBody.currentThread(agent, "one")));
        String second = threadOf(caller.run(RunBody.currentThread(agent, "two")));
        assertEquals(first, second);
        String theirs = threadOf(RunCalls.member(org, "someone-else").run(RunBody.currentThread(agent, "three")));
        assertNotEquals(first, theirs);
    }

    @Test
    void unknownThreadOrAThreadOfAnotherAgentOrOrgIsNotFound() {
        assertThreadNotFound("no-such-thread");

        AgentServiceStub.Agent other = stubs.agentService().addAgent(org, "other-agent", null, "gpt-5-mini");
        assertThreadNotFound(stubs.threadService()
                .addThread(org, user, other.uuid(), other.id())
                .id());

        assertThreadNotFound(stubs.threadService()
                .addThread("another-org", user, agent.uuid(), agent.id())
                .id());
    }

    @Test
    void unknownAgentIsNotFound() {
        caller.run(RunBody.newThread(agent, "hi")
                        .with("agentId", UUID.randomUUID().toString()))
                .statusCode(404)
                .body("error.code", equalTo("not_found"))
                .body("error.field", equalTo("agentId"));
        // an agent of another org is just as unknown
        AgentServiceStub.Agent theirs = stubs.agentService().addAgent("another-org", "theirs", null, "gpt-5-mini");
        caller.run(RunBody.newThread(theirs, "hi")).statusCode(404).body("error.field", equalTo("agentId"));
    }

    @Test
    void anotherOrgsRunIsNotFound() {
        String runId = caller.run(RunBody.newThread(agent, "mine"))
                .statusCode(200)
                .extract()
                .path("runId");
        RunCalls.member("another-org", user).get(runId).statusCode(404).body("error.code", equalTo("not_found"));
        caller.get(UUID.randomUUID().toString()).statusCode(404);
        caller.get("not-a-uuid").statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void runStartedAndCompletedArePublishedKeyedByThread() {
        ExtractableResponse<Response> run = caller.run(RunBody.newThread(agent, "events please"))
                .statusCode(200)
                .extract();
        String runId = run.path("runId");
        String threadId = run.path("threadId");

        List<JsonNode> events = TopicRecords.firstJson("run-events", threadId, 2);
        assertEquals(2, events.size());
        JsonNode started = events.get(0);
        JsonNode completed = events.get(1);
        assertEquals("switchboard.run.started", started.get("type").asText());
        assertEquals("switchboard.run.completed", completed.get("type").asText());
        for (JsonNode event : events) {
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/run-service", event.get("source").asText());
            assertEquals(runId, event.get("subject").asText());
            assertEquals("application/json", event.get("datacontenttype").asText());
            assertTrue(
                    event.get("time").asText().matches(TIME), event.get("time").asText());
            UUID.fromString(event.get("id").asText());
            JsonNode data = event.get("data");
            assertEquals(org, data.get("orgId").asText());
            assertEquals(user, data.get("userId").asText());
            assertEquals(runId, data.get("runId").asText());
            assertEquals(threadId, data.get("threadId").asText());
            assertEquals(agent.uuid().toString(), data.get("agentId").asText());
            assertEquals(agent.id(), data.get("agentNumericId").asLong());
            assertEquals("gpt-5-mini", data.get("model").asText());
            assertEquals("offline", data.get("provider").asText());
            assertTrue(data.get("toolsUsed").isArray());
        }
        assertEquals(
                "urn:switchboard:schema:run.started.v1",
                started.get("dataschema").asText());
        assertEquals("in_progress", started.get("data").get("status").asText());
        assertTrue(started.get("data").get("completedAt").isNull());
        assertEquals(
                "urn:switchboard:schema:run.completed.v1",
                completed.get("dataschema").asText());
        JsonNode data = completed.get("data");
        assertEquals("completed", data.get("status").asText());
        assertEquals(run.path("completedAt").toString(), data.get("completedAt").asText());
        assertTrue(data.get("usage").get("inputTokens").asInt() > 0);
        assertTrue(data.get("usage").get("outputTokens").asInt() > 0);
        assertTrue(data.get("error").isNull());
    }

    private void assertThreadNotFound(String threadId) {
        caller.run(RunBody.onThread(agent, threadId, "hi"))
                .statusCode(404)
                .body("error.code", equalTo("not_found"))
                .body("error.field", equalTo("threadId"));
    }

    private static String threadOf(ValidatableResponse run) {
        return run.statusCode(200).extract().path("threadId");
    }
}
