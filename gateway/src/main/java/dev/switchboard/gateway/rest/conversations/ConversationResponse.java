package dev.switchboard.gateway.rest.conversations;

import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.client.thread.MessageView;
import dev.switchboard.gateway.client.thread.ThreadView;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/agents/{id}/conversations/{threadId}}: the thread summary and its messages (camelCase). */
public record ConversationResponse(String threadId, long skillId, String title, String firstMessage,
        int messageCount, Instant createdAt, Instant updatedAt, List<String> userIds,
        List<Message> messages) {

    public record Message(String id, String role, String content, Instant createdAt, String runId) {
    }

    static ConversationResponse of(AgentView agent, ThreadView thread, List<MessageView> messages) {
        return new ConversationResponse(thread.id(), agent.id(), thread.title(), thread.firstMessage(),
                thread.messageCount(), thread.createdAt(), thread.updatedAt(),
                thread.userIds() == null ? List.of() : thread.userIds(),
                messages.stream()
                        .map(m -> new Message(m.id(), m.role(), m.content(), m.createdAt(), m.runId()))
                        .toList());
    }
}
