package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** thread-service's message JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageView(String id, String threadId, String role, String content, String userId, String runId,
        Instant createdAt) {
}
