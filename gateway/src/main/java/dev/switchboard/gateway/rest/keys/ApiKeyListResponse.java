package dev.switchboard.gateway.rest.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/v1/api-keys}: the org's service keys and the caller's personal keys, oldest first. */
public record ApiKeyListResponse(@JsonProperty("api_keys") List<ApiKeyResponse> apiKeys) {}
