package dev.switchboard.run.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import dev.switchboard.run.stub.ThreadServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code userMessageId}: the user message is already in the thread (seed 002), the run does not append it. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
class UserMessageIdTest {

    ContractStubs stubs;

    RunCalls caller;
    AgentServiceStub.Agent agent;
    ThreadServiceStub.Thread thread;

    @BeforeEach
    void newOrg() {
        caller = RunCalls.newOrg();
        agent = stubs.agentService().addAgent(caller.org(), "demo-agent", "demo", "gpt-5-mini");
        thread = stubs.threadService().addThread(caller.org(), caller.user(), agent.uuid(), agent.id());
    }

    @Test
    void aStoredFirstMessageIsAnsweredAndNotAppendedTwice() {
        ThreadServiceStub.Message first =
                stubs.threadService().addMessage(thread.id(), "user", "Summarize the launch plan.", caller.user());

        caller.run(RunBody.onThread(agent, thread.id(), "Summarize the launch plan.")
                        .with("userMessageId", first.id().toString()))
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("threadId", equalTo(thread.id()))
                .body("content", containsString("Summarize the launch plan."));

        assertEquals(List.of("user", "assistant"), roles());
        assertEquals(
                first.id(), stubs.threadService().messages(thread.id()).get(0).id());
    }

    @Test
    void withoutUserMessageIdTheMessageIsAppendedAsBefore() {
        caller.run(RunBody.onThread(agent, thread.id(), "hello")).statusCode(200);
        assertEquals(List.of("user", "assistant"), roles());
    }

    /** An id that is not in the thread is not found, a malformed one is invalid; either way nothing is appended. */
    @ParameterizedTest
    @CsvSource({"a-random-uuid, 404, not_found", "not-a-uuid, 400, invalid_argument"})
    void aUserMessageIdThatIsNotInTheThreadOrMalformedFailsTheRun(String userMessageId, int status, String code) {
        String id = userMessageId.equals("a-random-uuid") ? UUID.randomUUID().toString() : userMessageId;
        caller.run(RunBody.onThread(agent, thread.id(), "hello").with("userMessageId", id))
                .statusCode(status)
                .body("error.code", equalTo(code))
                .body("error.field", equalTo("userMessageId"));
        assertEquals(List.of(), stubs.threadService().messages(thread.id()));
    }

    private List<String> roles() {
        return stubs.threadService().messages(thread.id()).stream()
                .map(ThreadServiceStub.Message::role)
                .toList();
    }
}
