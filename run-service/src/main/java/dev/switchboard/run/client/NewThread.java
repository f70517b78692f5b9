package dev.switchboard.run.client;

import java.util.UUID;

/** The body of thread-service's {@code POST /internal/threads} and {@code /internal/threads/current}. */
public record NewThread(UUID agentId, long agentNumericId) {}
