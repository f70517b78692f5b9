package dev.switchboard.thread.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A message; {@code contentHtml}, {@code metadata}, {@code attachments} and {@code toolCalls} are null if none. */
public record MessageResponse(
        UUID id,
        String threadId,
        String role,
        String content,
        String userId,
        UUID runId,
        Instant createdAt,
        String contentHtml,
        JsonNode metadata,
        JsonNode attachments,
        JsonNode toolCalls) {}
