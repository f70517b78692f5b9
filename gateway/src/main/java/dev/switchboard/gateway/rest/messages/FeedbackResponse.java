package dev.switchboard.gateway.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.thread.StoredFeedback;
import java.time.Instant;

/**
 * Seed 004's feedback object: {@code human_message_id} is the user message the assistant message
 * ({@code ai_message_id}) answered, {@code flow_execution_id} the run that wrote it.
 */
public record FeedbackResponse(
        String id,
        @JsonProperty("human_message_id") String humanMessageId,
        @JsonProperty("ai_message_id") String aiMessageId,
        @JsonProperty("flow_execution_id") String flowExecutionId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("feedback_type") String feedbackType,
        @JsonProperty("issue_type") String issueType,
        String comment,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    static FeedbackResponse of(StoredFeedback f) {
        return new FeedbackResponse(
                f.id(),
                f.humanMessageId(),
                f.messageId(),
                f.runId(),
                f.userId(),
                f.orgId(),
                f.feedbackType(),
                f.issueType(),
                f.comment(),
                f.createdAt(),
                f.updatedAt());
    }
}
