package dev.switchboard.agent;

import dev.switchboard.platform.web.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** A new team with a fresh id; timestamps are kept to the millisecond, as the API shows them. */
    public static Team create(String orgId, String name, List<UUID> agentIds, String summarizerModel, Instant now) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.orgId = orgId;
        team.name = name;
        team.agentIds = agentIds.toArray(UUID[]::new);
        team.summarizerModel = summarizerModel;
        team.createdAt = Timestamps.millis(now);
        team.updatedAt = team.createdAt;
        return team;
    }

    /** Applies the non-null values; {@code updatedAt} moves whatever was given, as it always has for teams. */
    public void apply(String newName, List<UUID> newAgentIds, String newSummarizerModel, Instant now) {
        if (newName != null) {
            name = newName;
        }
        if (newAgentIds != null) {
            agentIds = newAgentIds.toArray(UUID[]::new);
        }
        if (newSummarizerModel != null) {
            summarizerModel = newSummarizerModel;
        }
        updatedAt = Timestamps.millis(now);
    }

    public List<UUID> members() {
        return List.of(agentIds);
    }
}
