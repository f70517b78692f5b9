package dev.switchboard.gateway.rest.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.client.ToolCallView;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.client.thread.MessageView;
import dev.switchboard.gateway.client.thread.ThreadView;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/agents/{id}/conversations/{threadId}}: the thread summary and its messages, in the camelCase
 * of seeds 000 and 001; each message with its {@code toolCalls} (an assistant message's, as seed 004's message
 * shows them; empty when it made none).
 */
public record ConversationResponse(
        String threadId,
        long skillId,
        String title,
        String firstMessage,
        int messageCount,
        Instant createdAt,
        Instant updatedAt,
        List<String> userIds,
        List<Message> messages) {

    public record Message(
            String id, String role, String content, Instant createdAt, String runId, List<ToolCall> toolCalls) {}

    /** One tool call: the tool, its arguments, its result or error, when it started and ended. */
    public record ToolCall(
            String toolName, JsonNode arguments, JsonNode result, String error, String startTime, String endTime) {}

    static ConversationResponse of(AgentView agent, ThreadView thread, List<MessageView> messages) {
        return new ConversationResponse(
                thread.id(),
                agent.id(),
                thread.title(),
                thread.firstMessage(),
                thread.messageCount(),
                thread.createdAt(),
                thread.updatedAt(),
                thread.userIds() == null ? List.of() : thread.userIds(),
                messages.stream()
                        .map(m -> new Message(
                                m.id(), m.role(), m.content(), m.createdAt(), m.runId(), toolCalls(m.toolCalls())))
                        .toList());
    }

    private static List<ToolCall> toolCalls(List<ToolCallView> calls) {
        return calls == null
                ? List.of()
                : calls.stream()
                        .map(c -> new ToolCall(
                                c.toolName(), c.arguments(), c.result(), c.error(), c.startTime(), c.endTime()))
                        .toList();
    }
}
