package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message of a thread. {@code seq} (assigned by the database) orders a thread's messages. */
@Entity
@Table(name = "messages")
public class ThreadMessage {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "thread_id", nullable = false, updatable = false)
    public String threadId;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false, updatable = false)
    public String role;

    @Column(nullable = false)
    public String content;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
