package dev.switchboard.thread.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /internal/idempotency-keys}: the client's key and a hash of its whole request. */
public record ClaimKeyRequest(
        @NotNull(message = "key is required") @Size(min = 1, max = 128, message = "key must be 1-128 characters")
        String key,

        @NotNull(message = "requestHash is required")
        @Size(min = 1, max = 128, message = "requestHash must be 1-128 characters")
        String requestHash) {}
