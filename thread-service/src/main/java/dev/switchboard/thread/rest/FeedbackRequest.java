package dev.switchboard.thread.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /internal/threads/{id}/messages/{messageId}/feedback}: {@code feedbackType} is one of
 * {@link dev.switchboard.thread.FeedbackType}; {@code issueType} is free text.
 */
public record FeedbackRequest(
        @NotNull(message = "feedbackType is required") String feedbackType,

        @Size(min = 1, max = 100, message = "issueType must be 1 to 100 characters")
        String issueType,

        @Size(max = 5000, message = "comment must be at most 5000 characters")
        String comment) {}
