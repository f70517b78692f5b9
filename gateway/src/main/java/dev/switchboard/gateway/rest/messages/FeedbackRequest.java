package dev.switchboard.gateway.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.thread.FeedbackWrite;
import dev.switchboard.platform.web.error.ApiException;
import java.util.List;

/**
 * The body of seed 004's feedback on an assistant message: {@code feedback_type} ({@code thumbs_up} or
 * {@code thumbs_down}, required), {@code issue_type} (free text, 1-100 characters) and {@code comment} (up to 5000).
 */
public record FeedbackRequest(
        @JsonProperty("feedback_type") String feedbackType,
        @JsonProperty("issue_type") String issueType,
        String comment) {

    static final List<String> TYPES = List.of("thumbs_up", "thumbs_down");

    /** The feedback to store; 400 naming the first field at fault. */
    FeedbackWrite validated() {
        if (feedbackType == null || !TYPES.contains(feedbackType)) {
            throw ApiException.invalid(
                    "feedback_type is required and must be one of: " + String.join(", ", TYPES), "feedback_type");
        }
        if (issueType != null && (issueType.isEmpty() || issueType.length() > 100)) {
            throw ApiException.invalid("issue_type must be 1 to 100 characters", "issue_type");
        }
        if (comment != null && comment.length() > 5000) {
            throw ApiException.invalid("comment must be at most 5000 characters", "comment");
        }
        return new FeedbackWrite(feedbackType, issueType, comment);
    }
}
