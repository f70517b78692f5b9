package dev.switchboard.gateway.rest.keys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/api-keys}; {@code kind} is {@code personal} (the default) or {@code service}. */
public record CreateApiKeyRequest(
        @NotBlank(message = "name is required (1 to 100 characters)")
        @Size(max = 100, message = "name must be 1 to 100 characters")
        String name,

        String kind) {}
