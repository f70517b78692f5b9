package dev.switchboard.run.provider;

import java.util.List;

/**
 * The model's whole answer: its text, the tool calls it asks for, token usage (estimated when the provider
 * reports none) and why it stopped ({@code stop}, {@code tool_calls}, {@code length}, {@code content_filter},
 * {@code other}).
 */
public record ModelReply(
        String content, List<ToolCallRequest> toolCalls, int inputTokens, int outputTokens, String finishReason) {

    public static final String STOP = "stop";
    public static final String TOOL_CALLS = "tool_calls";

    public ModelReply {
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
