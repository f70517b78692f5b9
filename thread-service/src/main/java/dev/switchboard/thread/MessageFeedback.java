package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One user's feedback on an assistant message (seed 004): at most one per user and message, updated when the
 * user gives it again. {@code humanMessageId} is the user message the assistant answered, {@code runId} the run
 * that wrote the answer.
 */
@Entity
@Table(name = "message_feedback")
public class MessageFeedback {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(name = "thread_id", nullable = false, updatable = false)
    public String threadId;

    @Column(name = "message_id", nullable = false, updatable = false)
    public UUID messageId;

    @Column(name = "human_message_id")
    public UUID humanMessageId;

    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "feedback_type", nullable = false)
    public String feedbackType;

    @Column(name = "issue_type")
    public String issueType;

    public String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
