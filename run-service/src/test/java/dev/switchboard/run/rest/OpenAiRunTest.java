package dev.switchboard.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    String token;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() {
        fake.reset();
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.internal(org, "user-" + UUID.randomUUID());
        agent = stubs.agentService().addAgent(org, "demo-agent", "demo", "gpt-5-mini");
    }

    @Test
    void aBufferedRunStoresTheProvidersAnswerAndProvider() {
        fake.enqueue(FakeOpenAi.text(List.of("The answer", " is ", "42."), 17, 6));
        String runId = run("what is it?", "qwen3-coder")
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("content", equalTo("The answer is 42."))
                .body("model", equalTo("qwen3-coder"))
                .body("provider", equalTo("openai"))
                .extract()
                .path("runId");

        given().auth()
                .oauth2(token)
                .get("/internal/runs/{id}", runId)
                .then()
                .statusCode(200)
                .body("provider", equalTo("openai"))
                .body("content", equalTo("The answer is 42."))
                .body("usage.inputTokens", equalTo(17))
                .body("usage.outputTokens", equalTo(6));

        JsonNode sent = fake.lastRequest().json();
        assertEquals("qwen3-coder", sent.path("model").asText());
        assertEquals("Bearer fake-key", fake.lastRequest().header("Authorization"));
        JsonNode messages = sent.path("messages");
        assertEquals(
                "what is it?", messages.get(messages.size() - 1).path("content").asText());
        String threadId = given().auth()
                .oauth2(token)
                .get("/internal/runs/{id}", runId)
                .then()
                .extract()
                .path("threadId");
        List<ThreadServiceStub.Message> stored = stubs.threadService().messages(threadId);
        assertEquals("The answer is 42.", stored.get(stored.size() - 1).content());
    }

    @Test
    void aProviderRefusalFailsTheRunWithBadGateway() {
        fake.always(FakeOpenAi.error(401, "Incorrect API key provided"));
        run("hello", null)
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
        String stream = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("agentId", agent.uuid().toString(), "threadMode", "new", "message", "hello"))
                .post("/internal/runs/stream")
                .then()
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
        String threadId = given().auth()
                .oauth2(token)
                .get("/internal/runs/{id}", runId)
                .then()
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
        given().auth()
                .oauth2(token)
                .get("/internal/models")
                .then()
                .statusCode(200)
                .body("models.id", equalTo(CanonicalModels.IDS))
                .body("models.providerModel", equalTo(CanonicalModels.IDS))
                .body("models.provider", everyItem(equalTo("openai")));
        given().get("/internal/models").then().statusCode(401);
    }

    private ValidatableResponse run(String message, String model) {
        Map<String, Object> body = model == null
                ? Map.of("agentId", agent.uuid().toString(), "threadMode", "new", "message", message)
                : Map.of("agentId", agent.uuid().toString(), "threadMode", "new", "message", message, "model", model);
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/internal/runs")
                .then();
    }
}
