package dev.switchboard.run.client;

import java.time.Instant;
import java.util.UUID;

/** A message of a thread, as thread-service answers it. */
public record MessageView(
        UUID id, String threadId, String role, String content, String userId, UUID runId, Instant createdAt) {}
