package dev.switchboard.thread.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A thread with its summary, as docs/internal-api.md shows it. */
public record ThreadResponse(
        String id,
        UUID agentId,
        long agentNumericId,
        String title,
        String firstMessage,
        int messageCount,
        List<String> userIds,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
