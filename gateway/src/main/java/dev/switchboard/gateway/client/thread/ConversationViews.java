package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** thread-service's answers on the seed-003 conversation routes. */
public final class ConversationViews {

    private ConversationViews() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConversationList(List<ThreadView> conversations, String currentId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inbox(List<MessageView> messages, long unreadCount) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Marked(long markedRead) {}
}
