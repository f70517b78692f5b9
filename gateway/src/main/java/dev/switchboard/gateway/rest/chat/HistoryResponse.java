package dev.switchboard.gateway.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.thread.MessageView;
import java.time.Instant;
import java.util.List;

/** Seed 003's {@code GET /api/agents/{id}/history} (snake_case): the newest messages, oldest first. */
public record HistoryResponse(List<Message> messages) {

    public record Message(
            String role,
            String content,
            @JsonProperty("created_at") Instant createdAt) {}

    static HistoryResponse of(List<MessageView> messages) {
        return new HistoryResponse(messages.stream()
                .map(m -> new Message(m.role(), m.content(), m.createdAt()))
                .toList());
    }
}
