package dev.switchboard.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import dev.switchboard.run.stub.ThreadServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code userMessageId}: the user message is already in the thread (seed 002), the run does not append it. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
class UserMessageIdTest {

    ContractStubs stubs;

    String org;
    String user;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() {
        org = "org-" + UUID.randomUUID();
        user = "user-" + UUID.randomUUID();
        agent = stubs.agentService().addAgent(org, "demo-agent", "demo", "gpt-5-mini");
    }

    private ValidatableResponse run(Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.internal(org, user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/internal/runs")
                .then();
    }

    @Test
    void aStoredFirstMessageIsAnsweredAndNotAppendedTwice() {
        ThreadServiceStub.Thread thread = stubs.threadService().addThread(org, user, agent.uuid(), agent.id());
        ThreadServiceStub.Message first =
                stubs.threadService().addMessage(thread.id(), "user", "Summarize the launch plan.", user);

        run(Map.of(
                        "agentId",
                        agent.uuid().toString(),
                        "threadMode",
                        "existing",
                        "threadId",
                        thread.id(),
                        "message",
                        "Summarize the launch plan.",
                        "userMessageId",
                        first.id().toString()))
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("threadId", equalTo(thread.id()))
                .body("content", containsString("Summarize the launch plan."));

        List<ThreadServiceStub.Message> messages = stubs.threadService().messages(thread.id());
        assertEquals(
                List.of("user", "assistant"),
                messages.stream().map(ThreadServiceStub.Message::role).toList());
        assertEquals(first.id(), messages.get(0).id());
    }

    @Test
    void withoutUserMessageIdTheMessageIsAppendedAsBefore() {
        ThreadServiceStub.Thread thread = stubs.threadService().addThread(org, user, agent.uuid(), agent.id());
        run(Map.of(
                        "agentId",
                        agent.uuid().toString(),
                        "threadMode",
                        "existing",
                        "threadId",
                        thread.id(),
                        "message",
                        "hello"))
                .statusCode(200);
        assertEquals(
                List.of("user", "assistant"),
                stubs.threadService().messages(thread.id()).stream()
                        .map(ThreadServiceStub.Message::role)
                        .toList());
    }

    @Test
    void aUserMessageIdThatIsNotInTheThreadIsNotFoundAndTheRunFails() {
        ThreadServiceStub.Thread thread = stubs.threadService().addThread(org, user, agent.uuid(), agent.id());
        run(Map.of(
                        "agentId",
                        agent.uuid().toString(),
                        "threadMode",
                        "existing",
                        "threadId",
                        thread.id(),
                        "message",
                        "hello",
                        "userMessageId",
                        UUID.randomUUID().toString()))
                .statusCode(404)
                .body("error.code", equalTo("not_found"))
                .body("error.field", equalTo("userMessageId"));
        assertEquals(List.of(), stubs.threadService().messages(thread.id()));
    }

    @Test
    void aMalformedUserMessageIdIs400() {
        ThreadServiceStub.Thread thread = stubs.threadService().addThread(org, user, agent.uuid(), agent.id());
        run(Map.of(
                        "agentId",
                        agent.uuid().toString(),
                        "threadMode",
                        "existing",
                        "threadId",
                        thread.id(),
                        "message",
                        "hello",
                        "userMessageId",
                        "not-a-uuid"))
                .statusCode(400)
                .body("error.code", equalTo("invalid_argument"))
                .body("error.field", equalTo("userMessageId"));
    }
}
