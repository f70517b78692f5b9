package dev.switchboard.gateway.service;

import dev.switchboard.gateway.Team;
import dev.switchboard.gateway.repository.TeamRepository;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Team changes, each in one transaction; another organisation's team is 404. */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;

    public TeamService(TeamRepository teams) {
        this.teams = teams;
    }

    @WithTransaction
    public Uni<Team> create(String orgId, String name, List<UUID> agentIds, String summarizerModel) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.orgId = orgId;
        team.name = name;
        team.agentIds = agentIds.toArray(UUID[]::new);
        team.summarizerModel = summarizerModel;
        team.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        team.updatedAt = team.createdAt;
        return teams.persist(team);
    }

    /** Changes what is given (null: unchanged). */
    @WithTransaction
    public Uni<Team> update(String orgId, UUID id, String name, List<UUID> agentIds, String summarizerModel) {
        return find(orgId, id).invoke(team -> {
            if (name != null) {
                team.name = name;
            }
            if (agentIds != null) {
                team.agentIds = agentIds.toArray(UUID[]::new);
            }
            if (summarizerModel != null) {
                team.summarizerModel = summarizerModel;
            }
            team.updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        });
    }

    @WithTransaction
    public Uni<Void> delete(String orgId, UUID id) {
        return find(orgId, id).call(teams::delete).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Team> find(String orgId, UUID id) {
        return teams.inOrg(orgId, id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("team " + id + " not found", null));
    }

    @WithTransaction
    public Uni<List<Team>> list(String orgId) {
        return teams.inOrg(orgId);
    }

    /** The team id of a path: a UUID, else 404 (it names no team). */
    public static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("team " + value + " not found", null);
        }
    }
}
