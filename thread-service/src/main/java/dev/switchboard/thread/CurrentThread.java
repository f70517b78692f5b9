package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** The conversation a user continues with an agent when the client names none (seed 003). */
@Entity
@Table(name = "current_threads")
@IdClass(CurrentThread.Key.class)
public class CurrentThread {

    @Id
    @Column(name = "org_id")
    public String orgId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "agent_id")
    public UUID agentId;

    @Column(name = "thread_id", nullable = false)
    public String threadId;

    public record Key(String orgId, String userId, UUID agentId) implements Serializable {}
}
