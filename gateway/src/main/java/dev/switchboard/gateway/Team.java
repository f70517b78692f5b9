package dev.switchboard.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A team of an organisation's agents (by agent UUID, in order) and the model that summarises their answers. */
@Entity
@Table(name = "teams")
public class Team {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "agent_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] agentIds;

    /** Null: the first member's model summarises. */
    @Column(name = "summarizer_model")
    public String summarizerModel;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
