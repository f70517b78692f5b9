package dev.switchboard.gateway.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.thread.ConversationViews;
import dev.switchboard.gateway.client.thread.MessageView;
import dev.switchboard.gateway.client.thread.ThreadView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Seed 003's conversation management shapes, which the seed leaves open: defined here in the style of its
 * documented ones (snake_case, {@code created_at}).
 */
public final class ConversationShapes {

    private ConversationShapes() {}

    public record Conversation(
            String id,
            String title,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,
            @JsonProperty("message_count") int messageCount,
            @JsonProperty("is_current") boolean isCurrent) {

        static Conversation of(ThreadView t, boolean current) {
            return new Conversation(t.id(), t.title(), t.createdAt(), t.updatedAt(), t.messageCount(), current);
        }
    }

    public record ConversationList(List<Conversation> conversations) {

        static ConversationList of(ConversationViews.ConversationList list) {
            return new ConversationList(list.conversations().stream()
                    .map(t -> Conversation.of(t, t.id().equals(list.currentId())))
                    .toList());
        }
    }

    public record Create(
            @Size(max = 200, message = "title must be at most 200 characters")
            String title) {}

    public record Rename(
            @NotBlank(message = "title is required") @Size(max = 200, message = "title must be at most 200 characters")
            String title) {}

    public record InboxMessage(
            String id,
            @JsonProperty("conversation_id") String conversationId,
            String role,
            String content,
            @JsonProperty("created_at") Instant createdAt) {}

    public record Inbox(
            List<InboxMessage> messages,
            @JsonProperty("unread_count") long unreadCount) {

        static Inbox of(ConversationViews.Inbox inbox) {
            return new Inbox(
                    inbox.messages().stream()
                            .map(ConversationShapes::inboxMessage)
                            .toList(),
                    inbox.unreadCount());
        }
    }

    public record MarkRead(
            @JsonProperty("conversation_id") @Size(max = 100, message = "conversation_id is too long")
            String conversationId,

            @JsonProperty("message_id") @Size(max = 100, message = "message_id is too long")
            String messageId) {}

    public record Marked(@JsonProperty("marked_read") long markedRead) {}

    private static InboxMessage inboxMessage(MessageView m) {
        return new InboxMessage(m.id(), m.threadId(), m.role(), m.content(), m.createdAt());
    }

    static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
