package dev.switchboard.thread;

import dev.switchboard.platform.web.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A conversation of one organisation with one agent. The summary fields ({@code messageCount},
 * {@code updatedAt}, {@code userIds}, {@code title}, {@code firstMessage}) are written by the
 * ThreadSummaryProjector from run events, not when a message is appended.
 */
@Entity
@Table(name = "threads")
public class ChatThread {

    @Id
    public String id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(name = "agent_id", nullable = false, updatable = false)
    public UUID agentId;

    @Column(name = "agent_numeric_id", nullable = false, updatable = false)
    public long agentNumericId;

    public String title;

    @Column(name = "first_message")
    public String firstMessage;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "message_count", nullable = false)
    public int messageCount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "user_ids", nullable = false, columnDefinition = "text[]")
    public String[] userIds;

    public static ChatThread start(String orgId, UUID agentId, long agentNumericId, String createdBy, Instant now) {
        ChatThread thread = new ChatThread();
        thread.id = UUID.randomUUID().toString();
        thread.orgId = orgId;
        thread.agentId = agentId;
        thread.agentNumericId = agentNumericId;
        thread.createdBy = createdBy;
        thread.createdAt = Timestamps.millis(now);
        thread.updatedAt = thread.createdAt;
        thread.userIds = new String[] {createdBy};
        return thread;
    }

    /** Adds a participant unless already there; keeps the order in which users joined. */
    public void addParticipant(String userId) {
        if (userId == null || Arrays.asList(userIds).contains(userId)) {
            return;
        }
        userIds = Arrays.copyOf(userIds, userIds.length + 1);
        userIds[userIds.length - 1] = userId;
    }

    /** Removes a participant (never the creator); whether it was one. */
    public boolean removeParticipant(String userId) {
        if (userId.equals(createdBy) || !Arrays.asList(userIds).contains(userId)) {
            return false;
        }
        userIds = Arrays.stream(userIds).filter(id -> !id.equals(userId)).toArray(String[]::new);
        return true;
    }

    /** Moves the last activity forward, never back (events may arrive late). */
    public void touch(Instant at) {
        if (at != null && at.isAfter(updatedAt)) {
            updatedAt = Timestamps.millis(at);
        }
    }
}
