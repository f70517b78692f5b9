package dev.switchboard.gateway.rest.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key (snake_case, like seeds 002/004). {@code key}, the secret, is only in the answer that created it;
 * {@code prefix} (its first characters) tells keys apart afterwards. {@code role}: what the key acts as
 * ({@code admin} or {@code member}: its creator's role when it was made; a service key acts as the organisation,
 * {@code admin}).
 */
public record ApiKeyResponse(
        UUID id,
        String name,
        String kind,
        String role,
        String prefix,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("last_used_at") Instant lastUsedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key) {}
