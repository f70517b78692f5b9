package dev.switchboard.thread.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;

/** Body of {@code POST /internal/threads} and {@code POST /internal/threads/current}. */
public record CreateThreadRequest(
        @NotNull(message = "agentId is required") UUID agentId,

        @NotNull(message = "agentNumericId is required") @Positive(message = "agentNumericId must be positive")
        Long agentNumericId) {}
