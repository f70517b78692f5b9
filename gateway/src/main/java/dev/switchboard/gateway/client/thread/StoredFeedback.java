package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** thread-service's feedback JSON: one user's feedback on an assistant message. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredFeedback(
        String id,
        String threadId,
        String messageId,
        String humanMessageId,
        String runId,
        String userId,
        String orgId,
        String feedbackType,
        String issueType,
        String comment,
        Instant createdAt,
        Instant updatedAt) {}
