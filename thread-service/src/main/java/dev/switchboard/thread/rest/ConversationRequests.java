package dev.switchboard.thread.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Bodies of the seed-003 conversation routes. */
public final class ConversationRequests {

    private ConversationRequests() {}

    public record Create(
            @NotNull(message = "agentId is required") UUID agentId,

            @NotNull(message = "agentNumericId is required") @Positive(message = "agentNumericId must be positive")
            Long agentNumericId,

            @Size(max = 200, message = "title must be at most 200 characters")
            String title) {}

    public record Rename(
            @NotBlank(message = "title is required") @Size(max = 200, message = "title must be at most 200 characters")
            String title) {}

    public record MarkRead(
            @NotNull(message = "agentId is required") UUID agentId, String conversationId, UUID messageId) {}

    public record ConversationList(List<ThreadResponse> conversations, String currentId) {}

    public record Inbox(List<MessageResponse> messages, long unreadCount) {}

    public record Marked(long markedRead) {}
}
