package dev.switchboard.thread.repository;

import dev.switchboard.thread.MessageFeedback;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Feedback on messages: one row per message and user. */
@ApplicationScoped
@WithSession
public class FeedbackRepository implements PanacheRepositoryBase<MessageFeedback, UUID> {

    public Uni<MessageFeedback> findByUser(UUID messageId, String userId) {
        return find("messageId = ?1 and userId = ?2", messageId, userId).firstResult();
    }

    /**
     * Inserts the feedback, or, if the user already gave feedback on the message, updates its type, issue type,
     * comment and {@code updatedAt} (keeping its id and {@code createdAt}). Safe against a concurrent upsert.
     */
    public Uni<Void> upsert(MessageFeedback f) {
        return NativeSql.update(
                        "insert into message_feedback (id, org_id, user_id, thread_id, message_id, human_message_id, "
                                + "run_id, feedback_type, issue_type, comment, created_at, updated_at) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                                + "on conflict (message_id, user_id) do update set "
                                + "feedback_type = excluded.feedback_type, issue_type = excluded.issue_type, "
                                + "comment = excluded.comment, updated_at = excluded.updated_at",
                        f.id,
                        f.orgId,
                        f.userId,
                        f.threadId,
                        f.messageId,
                        f.humanMessageId,
                        f.runId,
                        f.feedbackType,
                        f.issueType,
                        f.comment,
                        f.createdAt,
                        f.updatedAt)
                .replaceWithVoid();
    }
}
