package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of thread-service's feedback upsert. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackWrite(String feedbackType, String issueType, String comment) {}
