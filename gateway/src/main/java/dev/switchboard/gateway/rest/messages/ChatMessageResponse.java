package dev.switchboard.gateway.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.gateway.client.ToolCallView;
import dev.switchboard.gateway.client.thread.MessageDetails;
import dev.switchboard.gateway.client.thread.StoredFeedback;
import dev.switchboard.gateway.client.thread.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat message in seed 004's shape (snake_case): {@code tool_calls}, {@code attachments} and {@code metadata}
 * are empty when the message has none, {@code feedback} is the caller's feedback on it or null.
 */
public record ChatMessageResponse(
        String id,
        @JsonProperty("thread_id") String threadId,
        String content,
        @JsonProperty("content_html") String contentHtml,
        String role,
        @JsonProperty("tool_calls") List<ToolCallView> toolCalls,
        JsonNode attachments,
        JsonNode metadata,
        @JsonProperty("created_at") Instant createdAt,
        FeedbackResponse feedback) {

    static ChatMessageResponse of(MessageDetails details) {
        return of(details.message(), details.feedback());
    }

    static ChatMessageResponse of(StoredMessage m, StoredFeedback feedback) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return new ChatMessageResponse(
                m.id(),
                m.threadId(),
                m.content(),
                m.contentHtml(),
                m.role(),
                toolCalls(m.toolCalls()),
                m.attachments() != null && m.attachments().isArray() ? m.attachments() : json.arrayNode(),
                m.metadata() != null && m.metadata().isObject() ? m.metadata() : json.objectNode(),
                m.createdAt(),
                feedback == null ? null : FeedbackResponse.of(feedback));
    }

    /** An assistant message's tool calls as thread-service stores them ({@code toolName}, ...). */
    private static List<ToolCallView> toolCalls(JsonNode calls) {
        List<ToolCallView> list = new ArrayList<>();
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                list.add(new ToolCallView(
                        text(call, "toolName"),
                        call.get("arguments"),
                        call.get("result"),
                        text(call, "error"),
                        text(call, "startTime"),
                        text(call, "endTime")));
            }
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
