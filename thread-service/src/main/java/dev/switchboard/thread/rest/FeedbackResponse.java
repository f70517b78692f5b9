package dev.switchboard.thread.rest;

import java.time.Instant;
import java.util.UUID;

/** A user's feedback on an assistant message. */
public record FeedbackResponse(
        UUID id,
        String threadId,
        UUID messageId,
        UUID humanMessageId,
        UUID runId,
        String userId,
        String orgId,
        String feedbackType,
        String issueType,
        String comment,
        Instant createdAt,
        Instant updatedAt) {}
