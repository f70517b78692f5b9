package dev.switchboard.thread.rest;

import java.time.Instant;
import java.util.UUID;

public record MessageResponse(
        UUID id,
        String threadId,
        String role,
        String content,
        String userId,
        UUID runId,
        Instant createdAt) {
}
