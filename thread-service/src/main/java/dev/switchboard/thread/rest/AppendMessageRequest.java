package dev.switchboard.thread.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Body of {@code POST /internal/threads/{id}/messages}; {@code id} makes a retry idempotent. The seed 004 details
 * are optional: {@code contentHtml}, {@code metadata} (a JSON object), {@code attachments} and {@code toolCalls}
 * (JSON arrays), checked by {@link dev.switchboard.thread.service.MessageDetails}.
 */
public record AppendMessageRequest(
        @NotNull(message = "id is required") UUID id,
        @NotNull(message = "role is required") String role,

        @NotNull(message = "content is required")
        @Size(max = 100_000, message = "content must be at most 100000 characters")
        String content,

        UUID runId,

        @Size(max = 200_000, message = "contentHtml must be at most 200000 characters")
        String contentHtml,

        JsonNode metadata,
        JsonNode attachments,
        JsonNode toolCalls) {}
