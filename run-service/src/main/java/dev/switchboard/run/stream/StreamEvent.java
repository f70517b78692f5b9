package dev.switchboard.run.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event of a run's stream, numbered from 1 in the order the run produced it: {@code text} (a chunk of
 * the answer as the model sent it), {@code tool_call} (a finished tool call), and exactly one terminal event:
 * {@code done}, {@code error} or {@code cancelled}.
 */
public record StreamEvent(int seq, String type, JsonNode data) {

    public static final String TEXT = "text";
    public static final String TOOL_CALL = "tool_call";
    public static final String DONE = "done";
    public static final String ERROR = "error";
    public static final String CANCELLED = "cancelled";

    public boolean terminal() {
        return DONE.equals(type) || ERROR.equals(type) || CANCELLED.equals(type);
    }

    public static StreamEvent text(int seq, String content) {
        return new StreamEvent(seq, TEXT, content(content));
    }

    public static StreamEvent done(int seq) {
        return new StreamEvent(seq, DONE, content(""));
    }

    public static StreamEvent error(int seq, String message) {
        return new StreamEvent(seq, ERROR, content(message));
    }

    /** An {@code error} event with a code: {@code {"content": message, "code": code}}. */
    public static StreamEvent error(int seq, String message, String code) {
        return new StreamEvent(seq, ERROR, content(message).put("code", code));
    }

    public static StreamEvent cancelled(int seq, String partialAnswer) {
        return new StreamEvent(seq, CANCELLED, content(partialAnswer));
    }

    private static ObjectNode content(String content) {
        return JsonNodeFactory.instance.objectNode().put("content", content);
    }
}
