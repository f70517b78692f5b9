package dev.switchboard.thread.repository;

import dev.switchboard.thread.MessageFeedback;
import io.quarkus.hibernate.reactive.panache.Panache;
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
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into message_feedback (id, org_id, user_id, thread_id, message_id, human_message_id, "
                                        + "run_id, feedback_type, issue_type, comment, created_at, updated_at) "
                                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                                        + "on conflict (message_id, user_id) do update set "
                                        + "feedback_type = excluded.feedback_type, issue_type = excluded.issue_type, "
                                        + "comment = excluded.comment, updated_at = excluded.updated_at")
                        .setParameter(1, f.id)
                        .setParameter(2, f.orgId)
                        .setParameter(3, f.userId)
                        .setParameter(4, f.threadId)
                        .setParameter(5, f.messageId)
                        .setParameter(6, f.humanMessageId)
                        .setParameter(7, f.runId)
                        .setParameter(8, f.feedbackType)
                        .setParameter(9, f.issueType)
                        .setParameter(10, f.comment)
                        .setParameter(11, f.createdAt)
                        .setParameter(12, f.updatedAt)
                        .executeUpdate()
                        .replaceWithVoid());
    }
}
