package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** thread-service's answer to {@code GET /internal/threads/{id}/messages/{messageId}}: feedback is the caller's. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageDetails(StoredMessage message, StoredFeedback feedback) {}
