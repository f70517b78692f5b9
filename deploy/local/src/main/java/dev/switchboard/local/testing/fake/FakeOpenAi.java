package dev.switchboard.local.testing.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake OpenAI-compatible server: {@code POST <url>/chat/completions} with {@code "stream": true} answered in
 * the real wire format, {@code data: {chat.completion.chunk}} events, a usage chunk, then {@code data: [DONE]}.
 * Start it, script answers with {@link #text}, {@link #toolCall} or {@link #error}, and point the provider at
 * {@link #url()}.
 */
public class FakeOpenAi extends FakeProviderServer {

    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public FakeOpenAi start() {
        super.start();
        return this;
    }

    /** An answer streamed as the given text pieces, finish reason {@code stop}, and the given usage. */
    public static ScriptedResponse text(List<String> pieces, int promptTokens, int completionTokens) {
        List<String> events = new ArrayList<>();
        events.add(chunk(Map.of("role", "assistant", "content", ""), null));
        for (String piece : pieces) {
            events.add(chunk(Map.of("content", piece), null));
        }
        events.add(chunk(Map.of(), "stop"));
        events.add(usage(promptTokens, completionTokens));
        events.add("data: [DONE]\n\n");
        return ScriptedResponse.sse(events);
    }

    /** A call of one tool, its arguments split across chunks, finish reason {@code tool_calls}. */
    public static ScriptedResponse toolCall(
            String id, String name, List<String> argumentParts, int promptTokens, int completionTokens) {
        List<String> events = new ArrayList<>();
        events.add(chunk(Map.of("role", "assistant", "content", ""), null));
        events.add(chunk(
                Map.of(
                        "tool_calls",
                        List.of(Map.of(
                                "index",
                                0,
                                "id",
                                id,
                                "type",
                                "function",
                                "function",
                                Map.of("name", name, "arguments", "")))),
                null));
        for (String part : argumentParts) {
            events.add(chunk(
                    Map.of("tool_calls", List.of(Map.of("index", 0, "function", Map.of("arguments", part)))), null));
        }
        events.add(chunk(Map.of(), "tool_calls"));
        events.add(usage(promptTokens, completionTokens));
        events.add("data: [DONE]\n\n");
        return ScriptedResponse.sse(events);
    }

    /** An error answer in OpenAI's shape: {@code {"error": {"message", "type", "code"}}}. */
    public static ScriptedResponse error(int status, String message) {
        return ScriptedResponse.json(
                status,
                json(Map.of("error", Map.of("message", message, "type", "fake_error", "code", "fake_" + status))));
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return event(Map.of(
                "id",
                "chatcmpl-fake",
                "object",
                "chat.completion.chunk",
                "created",
                1700000000,
                "model",
                "fake-model",
                "choices",
                List.of(choice)));
    }

    private static String usage(int promptTokens, int completionTokens) {
        return event(Map.of(
                "id",
                "chatcmpl-fake",
                "object",
                "chat.completion.chunk",
                "created",
                1700000000,
                "model",
                "fake-model",
                "choices",
                List.of(),
                "usage",
                Map.of(
                        "prompt_tokens",
                        promptTokens,
                        "completion_tokens",
                        completionTokens,
                        "total_tokens",
                        promptTokens + completionTokens)));
    }

    private static String event(Object data) {
        return "data: " + json(data) + "\n\n";
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
