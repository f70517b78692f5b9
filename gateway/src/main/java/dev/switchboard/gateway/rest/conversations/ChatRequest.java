package dev.switchboard.gateway.rest.conversations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of seed 000's chat routes. {@code model} is required and must be a canonical id; the resource
 * checks it against run-service's catalog ({@link dev.switchboard.gateway.rest.ModelIds}) so the message can list every id.
 */
public record ChatRequest(
        @NotNull(message = "message is required")
        @Size(min = 1, max = 100_000, message = "message must be 1 to 100000 characters")
        String message,

        String model) {}
