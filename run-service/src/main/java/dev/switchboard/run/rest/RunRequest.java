package dev.switchboard.run.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The body of {@code POST /internal/runs}. */
public record RunRequest(
        @NotNull(message = "agentId is required") UUID agentId,
        @NotNull(message = "threadMode is required; one of: new, existing, current")
        @Pattern(regexp = "new|existing|current", message = "threadMode must be one of: new, existing, current")
        String threadMode,
        @Size(min = 1, max = 200, message = "threadId must be 1-200 characters") String threadId,
        @NotNull(message = "message is required")
        @Size(min = 1, max = 100_000, message = "message must be 1-100000 characters") String message,
        @Size(min = 1, max = 100, message = "model must be 1-100 characters") String model) {
}
