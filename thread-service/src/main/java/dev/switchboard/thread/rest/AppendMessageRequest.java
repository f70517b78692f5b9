package dev.switchboard.thread.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Body of {@code POST /internal/threads/{id}/messages}; {@code id} makes a retry idempotent. */
public record AppendMessageRequest(
        @NotNull(message = "id is required") UUID id,
        @NotNull(message = "role is required") String role,
        @NotNull(message = "content is required") @Size(max = 100_000, message = "content must be at most 100000 characters")
        String content,
        UUID runId) {
}
