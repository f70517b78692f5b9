package dev.switchboard.thread.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /internal/idempotency-keys/{claimId}}: the answer to replay for the key. */
public record CompleteKeyRequest(
        @NotNull(message = "responseStatus is required")
        @Min(value = 200, message = "responseStatus must be 200-599")
        @Max(value = 599, message = "responseStatus must be 200-599")
        Integer responseStatus,

        @NotNull(message = "responseBody is required")
        @Size(max = 1_000_000, message = "responseBody must be at most 1000000 characters")
        String responseBody) {}
