package dev.switchboard.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TopicRecords;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.run.provider.CanonicalModels;
import dev.switchboard.run.provider.fake.FakeOpenAiResource;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import dev.switchboard.run.stub.ThreadServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A buffered run against a fake OpenAI-compatible server: what it answers is what the run stores. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
@WithTestResource(FakeOpenAiResource.class)
class OpenAiRunTest {

    ContractStubs stubs;
    FakeOpenAi fake;

    RunCalls caller;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() {
        fake.reset();
        caller = RunCalls.newOrg();
        agent = stubs.agentService().addAgent(caller.org(), "demo-agent", "demo", "gpt-5-mini");
    }

    @Test
    void aBufferedRunStoresTheProvidersAnswerAndProvider() {
        fake.enqueue(FakeOpenAi.text(List.of("The answer", " is ", "42."), 17, 6));
        String runId = caller.run(RunBody.newThread(agent, "what is it?").with("model", "qwen3-coder"))
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("content", equalTo("The answer is 42."))
                .body("model", equalTo("qwen3-coder"))
                .body("provider", equalTo("openai"))
                .extract()
                .path("runId");

        String threadId = caller.get(runId)
                .statusCode(200)
                .body("provider", equalTo("openai"))
                .body("content", equalTo("The answer is 42."))
                .body("usage.inputTokens", equalTo(17))
                .body("usage.outputTokens", equalTo(6))
                .extract()
                .path("threadId");

        JsonNode sent = fake.lastRequest().json();
        assertEquals("qwen3-coder", sent.path("model").asText());
        assertEquals("Bearer fake-key", fake.lastRequest().header("Authorization"));
        JsonNode messages = sent.path("messages");
        assertEquals(
                "what is it?", messages.get(messages.size() - 1).path("content").asText());
        List<ThreadServiceStub.Message> stored = stubs.threadService().messages(threadId);
        assertEquals("The answer is 42.", stored.get(stored.size() - 1).content());
    }

    @Test
    void aProviderRefusalFailsTheRunWithBadGateway() {
        fake.always(FakeOpenAi.error(401, "Incorrect API key provided"));
        caller.run(RunBody.newThread(agent, "hello"))
                .statusCode(502)
                .body("error.code", equalTo("bad_gateway"))
                .body(
                        "error.message",
                        equalTo("model provider openai refused the request (HTTP 401: "
                                + "authentication failed); check the provider's API key"));
        assertEquals(1, fake.requests().size(), "a 401 is not retried");
    }

    @Test
    void aStreamedRunThatTheProviderRefusesStoresStreamsAndPublishesTheSummaryOnly() {
        fake.always(FakeOpenAi.error(401, "Incorrect API key provided: sk-abc. Ask admin@llm.internal.example"));
        String stream = caller.post("/stream", RunBody.newThread(agent, "hello"))
                .statusCode(200)
                .extract()
                .asString();
        String summary = "model provider openai refused the request (HTTP 401: authentication failed); "
                + "check the provider's API key";
        assertTrue(stream.contains("event:error"), stream);
        assertTrue(stream.contains("{\"content\":\"" + summary + "\"}"), stream);
        assertFalse(stream.contains("Incorrect API key"), stream);

        String runId = stream.lines()
                .filter(line -> line.startsWith("data:{\"runId\""))
                .map(line -> line.replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1"))
                .findFirst()
                .orElseThrow();
        String threadId = caller.get(runId)
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("error", equalTo(summary))
                .extract()
                .path("threadId");
        JsonNode failed = TopicRecords.firstJson("run-events", threadId, 2).get(1);
        assertEquals("switchboard.run.failed", failed.get("type").asText());
        assertEquals(summary, failed.get("data").get("error").asText());
    }

    @Test
    void listsEveryCanonicalModelWithItsProvider() {
        caller.request()
                .get("/internal/models")
                .then()
                .statusCode(200)
                .body("models.id", equalTo(CanonicalModels.IDS))
                .body("models.providerModel", equalTo(CanonicalModels.IDS))
                .body("models.provider", everyItem(equalTo("openai")));
        given().get("/internal/models").then().statusCode(401);
    }
}
