package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** How often one tool ran in one thread: the index that listing by tool reads. */
@Entity
@Table(name = "thread_tool_usage")
@IdClass(ThreadToolUsage.Key.class)
public class ThreadToolUsage {

    @Id
    @Column(name = "thread_id")
    public String threadId;

    @Id
    @Column(name = "tool_name")
    public String toolName;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(name = "call_count", nullable = false)
    public int callCount;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    public record Key(String threadId, String toolName) implements Serializable {}
}
