package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.testing.fake.FakeAnthropic;
import dev.switchboard.local.testing.fake.RecordedRequest;
import dev.switchboard.local.testing.fake.ScriptedResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Anthropic provider against a fake server speaking the Messages API streaming wire format. */
class AnthropicProviderTest extends StreamingProviderTest<FakeAnthropic> {

    @Override
    FakeAnthropic startFake() {
        return new FakeAnthropic().start();
    }

    @Override
    ModelProvider create(FakeAnthropic fake, ProviderSettings settings) {
        return AnthropicProvider.create(fake.baseUrl(), "test-key", settings);
    }

    @Override
    String name() {
        return "anthropic";
    }

    @Override
    int eventsBeforeText() {
        return 2; // message_start, content_block_start
    }

    @Override
    ScriptedResponse text(List<String> pieces, int inputTokens, int outputTokens) {
        return FakeAnthropic.text(pieces, inputTokens, outputTokens);
    }

    @Override
    ScriptedResponse error(int status, String message) {
        return FakeAnthropic.error(status, message);
    }

    @Override
    void assertSentSayHello(RecordedRequest sent) {
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

        ModelReply reply = provider.complete(weatherAfterCalculator("toolu_1", "Let me compute."))
                .await()
                .atMost(Duration.ofSeconds(5));

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
}
