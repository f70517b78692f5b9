package dev.switchboard.local.testing.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake Anthropic Messages API: {@code POST <url>/v1/messages} answered with the real event sequence
 * {@code message_start}, {@code content_block_start}, {@code content_block_delta} ({@code text_delta} or
 * {@code input_json_delta}), {@code content_block_stop}, {@code message_delta} (usage, stop reason),
 * {@code message_stop}. Point the provider's base URL at {@link #baseUrl()}.
 */
public class FakeAnthropic extends FakeProviderServer {

    @Override
    public FakeAnthropic start() {
        super.start();
        return this;
    }

    /** {@code <url>/v1}, as Anthropic's own base URL ends. */
    public String baseUrl() {
        return url() + "/v1";
    }

    /** An answer streamed as the given text pieces, stop reason {@code end_turn}. */
    public static ScriptedResponse text(List<String> pieces, int inputTokens, int outputTokens) {
        List<String> events = new ArrayList<>();
        events.add(messageStart(inputTokens));
        events.add(event(
                "content_block_start",
                Map.of(
                        "type",
                        "content_block_start",
                        "index",
                        0,
                        "content_block",
                        Map.of("type", "text", "text", ""))));
        for (String piece : pieces) {
            events.add(event(
                    "content_block_delta",
                    Map.of(
                            "type",
                            "content_block_delta",
                            "index",
                            0,
                            "delta",
                            Map.of("type", "text_delta", "text", piece))));
        }
        events.add(event("content_block_stop", Map.of("type", "content_block_stop", "index", 0)));
        events.addAll(end("end_turn", outputTokens));
        return ScriptedResponse.sse(events);
    }

    /** A {@code tool_use} block whose input arrives as JSON parts, stop reason {@code tool_use}. */
    public static ScriptedResponse toolUse(
            String id, String name, List<String> inputParts, int inputTokens, int outputTokens) {
        List<String> events = new ArrayList<>();
        events.add(messageStart(inputTokens));
        events.add(event(
                "content_block_start",
                Map.of(
                        "type",
                        "content_block_start",
                        "index",
                        0,
                        "content_block",
                        Map.of("type", "tool_use", "id", id, "name", name, "input", Map.of()))));
        for (String part : inputParts) {
            events.add(event(
                    "content_block_delta",
                    Map.of(
                            "type",
                            "content_block_delta",
                            "index",
                            0,
                            "delta",
                            Map.of("type", "input_json_delta", "partial_json", part))));
        }
        events.add(event("content_block_stop", Map.of("type", "content_block_stop", "index", 0)));
        events.addAll(end("tool_use", outputTokens));
        return ScriptedResponse.sse(events);
    }

    /** An error answer in Anthropic's shape: {@code {"type": "error", "error": {"type", "message"}}}. */
    public static ScriptedResponse error(int status, String message) {
        return ScriptedResponse.json(
                status,
                FakeOpenAi.json(Map.of("type", "error", "error", Map.of("type", "fake_error", "message", message))));
    }

    private static String messageStart(int inputTokens) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", "msg_fake");
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("content", List.of());
        message.put("model", "claude-fake");
        message.put("stop_reason", null);
        message.put("stop_sequence", null);
        message.put("usage", Map.of("input_tokens", inputTokens, "output_tokens", 1));
        return event("message_start", Map.of("type", "message_start", "message", message));
    }

    private static List<String> end(String stopReason, int outputTokens) {
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("stop_reason", stopReason);
        delta.put("stop_sequence", null);
        return List.of(
                event(
                        "message_delta",
                        Map.of(
                                "type",
                                "message_delta",
                                "delta",
                                delta,
                                "usage",
                                Map.of("output_tokens", outputTokens))),
                event("message_stop", Map.of("type", "message_stop")));
    }

    private static String event(String type, Object data) {
        return "event: " + type + "\ndata: " + FakeOpenAi.json(data) + "\n\n";
    }
}
