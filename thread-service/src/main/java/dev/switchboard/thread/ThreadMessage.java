package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

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

    // seed 004 details: JSON kept as text here (jsonb in the table), null when the message has none

    @Column(name = "content_html")
    public String contentHtml;

    @ColumnTransformer(read = "cast(metadata as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String metadata;

    @ColumnTransformer(read = "cast(attachments as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String attachments;

    @ColumnTransformer(read = "cast(tool_calls as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "tool_calls", columnDefinition = "jsonb")
    public String toolCalls;
}
