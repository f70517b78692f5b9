package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** thread-service's message JSON with its seed 004 details ({@code contentHtml} ... {@code toolCalls} may be null). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredMessage(
        String id,
        String threadId,
        String role,
        String content,
        String userId,
        String runId,
        Instant createdAt,
        String contentHtml,
        JsonNode metadata,
        JsonNode attachments,
        JsonNode toolCalls) {}
