package dev.switchboard.gateway.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.switchboard.gateway.rest.IdDeserializer;
import dev.switchboard.platform.web.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of seed 004's {@code POST /api/v1/chat/{agent_id}/threads/{thread_id}/messages}: {@code content}
 * (required, 1-100000 characters), {@code content_html} (up to 200000), {@code role} ({@code user} by default),
 * {@code metadata} (a JSON object up to 16 KB) and {@code agent_id} (if present, the path's agent: its UUID, its
 * numeric id as a string or a JSON number, or its handle).
 */
public record ChatMessageRequest(
        String content,
        @JsonProperty("content_html") String contentHtml,
        String role,
        JsonNode metadata,

        @JsonProperty("agent_id") @JsonDeserialize(using = IdDeserializer.class)
        String agentId) {

    static final List<String> ROLES = List.of("user", "assistant", "system");
    static final int MAX_CONTENT = 100_000;
    static final int MAX_CONTENT_HTML = 200_000;
    static final int MAX_METADATA_BYTES = 16 * 1024;

    /** The role to store ({@code user} when absent); 400 naming the first field at fault. */
    String validatedRole() {
        if (content == null || content.isEmpty() || content.length() > MAX_CONTENT) {
            throw ApiException.invalid(
                    "content is required and must be 1 to " + MAX_CONTENT + " characters", "content");
        }
        if (contentHtml != null && contentHtml.length() > MAX_CONTENT_HTML) {
            throw ApiException.invalid(
                    "content_html must be at most " + MAX_CONTENT_HTML + " characters", "content_html");
        }
        String stored = role == null ? "user" : role;
        if (!ROLES.contains(stored)) {
            throw ApiException.invalid("role must be one of: " + String.join(", ", ROLES), "role");
        }
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw ApiException.invalid("metadata must be a JSON object", "metadata");
            }
            if (metadata.toString().getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
                throw ApiException.invalid(
                        "metadata must be at most " + MAX_METADATA_BYTES + " bytes of JSON", "metadata");
            }
        }
        return stored;
    }

    JsonNode metadataOrNull() {
        return metadata == null || metadata.isNull() ? null : metadata;
    }
}
