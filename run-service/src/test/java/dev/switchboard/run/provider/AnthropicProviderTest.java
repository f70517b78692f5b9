package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.fake.FakeAnthropic;
import dev.switchboard.local.testing.fake.RecordedRequest;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Anthropic provider against a fake server speaking the Messages API streaming wire format. */
class AnthropicProviderTest {

    static final ObjectMapper JSON = new ObjectMapper();

    FakeAnthropic fake;
    ModelProvider provider;

    @BeforeEach
    void start() {
        fake = new FakeAnthropic().start();
        provider = AnthropicProvider.create(fake.baseUrl(), "test-key", OpenAiCompatibleProviderTest.SETTINGS);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamsTextDeltaByDeltaWithUsage() throws Exception {
        Gate gate = new Gate().let(2); // message_start, content_block_start
        fake.enqueue(
                FakeAnthropic.text(List.of("Bon", "jour", " à", " vous"), 21, 7).heldBy(gate));
        RecordedStream events = new RecordedStream(provider.stream(OpenAiCompatibleProviderTest.request("Say hello")));
        events.stepThrough(gate, List.of("Bon", "jour", " à", " vous"));
        events.awaitDone(Duration.ofSeconds(5));

        assertEquals(List.of("Bon", "jour", " à", " vous"), events.deltaTexts());
        ModelReply reply = events.reply();
        assertEquals("Bonjour à vous", reply.content());
        assertEquals(21, reply.inputTokens());
        assertEquals(7, reply.outputTokens());
        assertEquals(ModelReply.STOP, reply.finishReason());

        RecordedRequest sent = fake.lastRequest();
        assertEquals("/v1/messages", sent.path());
        assertEquals("test-key", sent.header("x-api-key"));
        JsonNode body = sent.json();
        assertTrue(body.path("stream").asBoolean());
        assertEquals("provider-model", body.path("model").asText());
        assertEquals(1024, body.path("max_tokens").asInt());
        assertTrue(
                body.path("system").toString().contains("Be brief."),
                body.path("system").toString());
        assertEquals("user", body.path("messages").get(0).path("role").asText());
    }

    @Test
    void mapsToolUseBothWays() throws Exception {
        fake.enqueue(FakeAnthropic.toolUse("toolu_2", "get_weather", List.of("{\"city\": ", "\"Paris\"}"), 40, 12));
        JsonNode schema = JSON.readTree(
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}," + "\"required\":[\"city\"]}");
        ModelRequest request = new ModelRequest(
                "provider-model",
                "agent",
                "Use tools.",
                List.of(
                        new ChatTurn.User("What is 2+2?"),
                        new ChatTurn.Assistant(
                                "Let me compute.",
                                List.of(new ToolCallRequest("toolu_1", "calculator", "{\"expr\":\"2+2\"}"))),
                        new ChatTurn.ToolResult("toolu_1", "calculator", "4"),
                        new ChatTurn.User("And the weather in Paris?")),
                List.of(new ToolSpec("get_weather", "Current weather of a city", schema)));

        ModelReply reply = provider.complete(request).await().atMost(Duration.ofSeconds(5));

        assertEquals(1, reply.toolCalls().size());
        ToolCallRequest call = reply.toolCalls().get(0);
        assertEquals("toolu_2", call.id());
        assertEquals("get_weather", call.name());
        assertEquals(JSON.readTree("{\"city\":\"Paris\"}"), JSON.readTree(call.argumentsJson()));
        assertEquals(ModelReply.TOOL_CALLS, reply.finishReason());
        assertEquals(40, reply.inputTokens());
        assertEquals(12, reply.outputTokens());

        JsonNode body = fake.lastRequest().json();
        JsonNode tool = body.path("tools").get(0);
        assertEquals("get_weather", tool.path("name").asText());
        assertEquals(
                "string",
                tool.path("input_schema")
                        .path("properties")
                        .path("city")
                        .path("type")
                        .asText());
        JsonNode assistant = body.path("messages").get(1);
        assertEquals("assistant", assistant.path("role").asText());
        JsonNode toolUse = assistant.path("content").get(1);
        assertEquals("tool_use", toolUse.path("type").asText());
        assertEquals("toolu_1", toolUse.path("id").asText());
        assertEquals("2+2", toolUse.path("input").path("expr").asText());
        JsonNode result = body.path("messages").get(2).path("content").get(0);
        assertEquals("tool_result", result.path("type").asText());
        assertEquals("toolu_1", result.path("tool_use_id").asText());
        assertEquals("4", result.path("content").asText());
    }

    @Test
    void retriesA429AndFailsAtOnceOnA401() {
        fake.enqueue(FakeAnthropic.error(429, "rate limited"), FakeAnthropic.text(List.of("ok"), 1, 1));
        assertEquals(
                "ok",
                provider.complete(OpenAiCompatibleProviderTest.request("hi"))
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .content());
        assertEquals(2, fake.requests().size());

        fake.reset();
        fake.always(FakeAnthropic.error(401, "invalid x-api-key"));
        Throwable failure = provider.complete(OpenAiCompatibleProviderTest.request("hi"))
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .awaitFailure(Duration.ofSeconds(5))
                .getFailure();
        ProviderException provider401 = assertInstanceOf(ProviderException.class, failure);
        assertEquals(401, provider401.status());
        assertEquals(
                "model provider anthropic refused the request (HTTP 401: authentication failed); "
                        + "check the provider's API key",
                provider401.getMessage());
        assertFalse(provider401.getMessage().contains("invalid x-api-key"), provider401.getMessage());
        assertEquals(1, fake.requests().size());
    }

    @Test
    void cancellingTheSubscriptionClosesTheConnection() throws Exception {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            pieces.add("w" + i + " ");
        }
        Gate gate = new Gate().let(2 + 3); // message_start, content_block_start and three deltas
        fake.enqueue(FakeAnthropic.text(pieces, 5, 60).heldBy(gate));
        RecordedStream events = new RecordedStream(provider.stream(OpenAiCompatibleProviderTest.request("go on")));
        events.awaitDeltas(3);
        events.subscription.cancel();

        // the fake is held at its gate, so only the client can close the connection; no wall-clock bound, which would
        // only measure the machine
        assertTrue(fake.awaitClientClose(10, TimeUnit.SECONDS), "the fake saw the connection closed");
        gate.open(); // whatever the provider still sends may not arrive after the cancel
        assertEquals(pieces.subList(0, 3), events.deltaTexts(), "no delta after the cancel");
        assertFalse(events.done.isDone());
    }

    @Test
    void cancellingBeforeTheProviderSentAnEventClosesTheConnection() throws Exception {
        Gate gate = new Gate();
        fake.enqueue(FakeAnthropic.text(List.of("late"), 5, 1).heldBy(gate));
        RecordedStream events =
                new RecordedStream(provider.stream(OpenAiCompatibleProviderTest.request("think first")));
        assertTrue(gate.awaitHeld(Duration.ofSeconds(5)), "the provider was called and answered the headers");
        events.subscription.cancel();

        assertTrue(fake.awaitClientClose(10, TimeUnit.SECONDS), "the fake saw the connection closed");
        assertTrue(events.events.isEmpty(), events.events.toString());
    }
}
