package dev.switchboard.run.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;

/**
 * One tool call of a run, as it is recorded (and appended to the assistant message's {@code toolCalls}):
 * the result is the tool's text when it succeeded, the error its message when it did not.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ToolStep(
        String toolName, JsonNode arguments, JsonNode result, String error, Instant startTime, Instant endTime) {

    public static ToolStep of(
            String toolName, JsonNode arguments, ToolResult result, Instant startTime, Instant endTime) {
        return result.error()
                ? new ToolStep(toolName, arguments, null, result.content(), startTime, endTime)
                : new ToolStep(toolName, arguments, TextNode.valueOf(result.content()), null, startTime, endTime);
    }
}
