package dev.switchboard.run.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TopicRecords;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.run.provider.fake.FakeOpenAiResource;
import dev.switchboard.run.service.RunPrompts;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tool-calling loop of a run against a fake OpenAI-compatible server: the model asks for the calculator, the
 * run calls it, sends the result back, and stores the final answer with its tool calls; the run's events name
 * the tools used (what thread-service's tool-usage index is built from).
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
@WithTestResource(FakeOpenAiResource.class)
class ToolLoopRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    ContractStubs stubs;
    FakeOpenAi fake;

    RunCalls caller;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() throws Exception {
        fake.reset();
        caller = RunCalls.newOrg();
        agent = stubs.agentService()
                .addAgent(
                        caller.org(),
                        "maths",
                        null,
                        "gpt-5-mini",
                        JSON.readTree("[{\"type\": \"builtin\", \"name\": \"calculator\"}]"));
    }

    @Test
    void theModelCallsTheCalculatorAndAnswersWithItsResult() {
        fake.enqueue(
                FakeOpenAi.toolCall("call_1", "calculator", List.of("{\"expression\": ", "\"6*7\"}"), 20, 8),
                FakeOpenAi.text(List.of("It is ", "42."), 30, 4));
        String runId = caller.run(RunBody.newThread(agent, "6 times 7?"))
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("content", equalTo("It is 42."))
                .body("usage.inputTokens", equalTo(50))
                .body("usage.outputTokens", equalTo(12))
                .extract()
                .path("runId");

        // the model was offered the tool, and got its result back with the call's id
        assertEquals(2, fake.requests().size());
        JsonNode first = fake.requests().get(0).json();
        assertEquals(
                "calculator",
                first.path("tools").get(0).path("function").path("name").asText());
        JsonNode messages = fake.requests().get(1).json().path("messages");
        JsonNode toolMessage = messages.get(messages.size() - 1);
        assertEquals("tool", toolMessage.path("role").asText());
        assertEquals("call_1", toolMessage.path("tool_call_id").asText());
        assertEquals("42", toolMessage.path("content").asText());

        // the answer is stored with its tool call (seed 004's tool_calls)
        JsonNode calls = toolCallsOf(runId);
        assertEquals(1, calls.size());
        assertEquals("calculator", calls.get(0).path("toolName").asText());
        assertEquals("6*7", calls.get(0).path("arguments").path("expression").asText());
        assertEquals("42", calls.get(0).path("result").asText());
        assertTrue(calls.get(0).path("error").isNull());
        assertTrue(calls.get(0).path("startTime").asText().endsWith("Z"));

        // the run shows its steps
        String threadId = caller.get(runId)
                .statusCode(200)
                .body("steps[0].toolName", equalTo("calculator"))
                .body("steps[0].result", equalTo("42"))
                .extract()
                .path("threadId");
        // run.completed names the tool used
        List<JsonNode> events = TopicRecords.firstJson("run-events", threadId, 2);
        JsonNode completed = events.get(1);
        assertEquals("switchboard.run.completed", completed.path("type").asText());
        assertEquals(
                "calculator", completed.path("data").path("toolsUsed").get(0).asText());
    }

    @Test
    void aFailingToolCallIsReportedToTheModelAndRecordedAsAnError() {
        fake.enqueue(
                FakeOpenAi.toolCall("call_9", "calculator", List.of("{\"expression\": \"1/0\"}"), 10, 5),
                FakeOpenAi.text(List.of("Cannot divide by zero."), 15, 5));
        String runId = caller.run(RunBody.newThread(agent, "1/0?"))
                .statusCode(200)
                .body("content", equalTo("Cannot divide by zero."))
                .extract()
                .path("runId");
        JsonNode calls = toolCallsOf(runId);
        assertTrue(calls.get(0).path("result").isNull());
        assertTrue(!calls.get(0).path("error").asText().isEmpty(), calls.toString());
        JsonNode messages = fake.requests().get(1).json().path("messages");
        assertTrue(messages.get(messages.size() - 1).path("content").asText().startsWith("error: "));
    }

    /** The tool calls the run's answer was stored with (seed 004's tool_calls). */
    private JsonNode toolCallsOf(String runId) {
        return stubs.threadService()
                .toolCallsOf(RunPrompts.messageId(caller.org(), UUID.fromString(runId), "assistant"));
    }
}
