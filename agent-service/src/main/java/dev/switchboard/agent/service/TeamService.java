package dev.switchboard.agent.service;

import dev.switchboard.agent.Team;
import dev.switchboard.agent.repository.TeamRepository;
import dev.switchboard.agent.rest.TeamImport;
import dev.switchboard.agent.rest.TeamRequest;
import dev.switchboard.agent.rest.TeamResponse;
import dev.switchboard.platform.web.Timestamps;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.platform.web.error.Found;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The teams of one organisation, each change in one transaction; another organisation's team is 404. The checks
 * are the public API's (the gateway's until teams moved here): {@code name} 1-200 (trimmed), 1 to 10 members that
 * are agents of the organisation ({@link TeamMembers}), in that order; the gateway checks that
 * {@code summarizerModel} is a canonical model.
 */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final TeamMembers members;

    TeamService(TeamRepository teams, TeamMembers members) {
        this.teams = teams;
        this.members = members;
    }

    /** Outcome of an import: the team, and whether it was new here. */
    public record Imported(TeamResponse team, boolean created) {}

    @WithTransaction
    public Uni<TeamResponse> create(String orgId, TeamRequest request) {
        String name = name(required(request).name(), true);
        String model = summarizer(request.summarizerModel());
        return members.resolve(orgId, request.agentIds(), true)
                .chain(ids -> teams.persist(Team.create(orgId, name, ids, model, Instant.now())))
                .map(TeamMapper::toResponse);
    }

    @WithSession
    public Uni<List<TeamResponse>> list(String orgId) {
        return teams.inOrg(orgId).map(TeamMapper::toResponses);
    }

    @WithSession
    public Uni<TeamResponse> get(String orgId, String id) {
        return find(orgId, id).map(TeamMapper::toResponse);
    }

    /** Changes what is given (null: unchanged). */
    @WithTransaction
    public Uni<TeamResponse> update(String orgId, String id, TeamRequest request) {
        UUID teamId = id(id);
        String name = name(required(request).name(), false);
        String model = summarizer(request.summarizerModel());
        return members.resolve(orgId, request.agentIds(), false)
                .chain(ids -> find(orgId, teamId).invoke(team -> team.apply(name, ids, model, Instant.now())))
                .map(TeamMapper::toResponse);
    }

    @WithTransaction
    public Uni<Void> delete(String orgId, String id) {
        return find(orgId, id).call(teams::delete).replaceWithVoid();
    }

    /**
     * Stores a team kept elsewhere until now under its own id, org and timestamps, idempotently: a team of the
     * organisation with that id is overwritten with these values; an id another organisation uses is 409.
     */
    @WithTransaction
    public Uni<Imported> importTeam(String orgId, String id, TeamImport team) {
        UUID teamId = importedId(id);
        checkImport(team);
        return teams.findById(teamId).chain(stored -> {
            if (stored != null && !stored.orgId.equals(orgId)) {
                return Uni.createFrom().failure(ApiException.conflict("team id " + id + " is taken", "id"));
            }
            Team target = stored != null ? stored : new Team();
            target.id = teamId;
            target.orgId = orgId;
            target.name = team.name();
            target.agentIds = team.agentIds().toArray(UUID[]::new);
            target.summarizerModel = team.summarizerModel();
            target.createdAt = Timestamps.millis(team.createdAt());
            target.updatedAt = Timestamps.millis(team.updatedAt());
            Uni<Team> saved = stored != null ? Uni.createFrom().item(target) : teams.persist(target);
            return saved.map(t -> new Imported(TeamMapper.toResponse(t), stored == null));
        });
    }

    private Uni<Team> find(String orgId, String id) {
        return find(orgId, id(id));
    }

    private Uni<Team> find(String orgId, UUID id) {
        return Found.orNotFound(teams.inOrg(orgId, id), "team " + id + " not found");
    }

    private static TeamRequest required(TeamRequest request) {
        if (request == null) {
            throw ApiException.invalid("a JSON request body is required", null);
        }
        return request;
    }

    /** The team id of a path: a UUID, else 404 (it names no team). */
    static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("team " + value + " not found");
        }
    }

    private static UUID importedId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("id must be a UUID", "id");
        }
    }

    static String name(String name, boolean required) {
        if (name == null && !required) {
            return null;
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.invalid("name is required and must be 1-200 characters", "name");
        }
        return name.trim();
    }

    private static String summarizer(String model) {
        if (model != null && (model.isBlank() || model.length() > 100)) {
            throw ApiException.invalid("summarizerModel must be 1-100 characters", "summarizerModel");
        }
        return model;
    }

    private static void checkImport(TeamImport team) {
        if (team == null) {
            throw ApiException.invalid("a JSON request body is required", null);
        }
        name(team.name(), true);
        summarizer(team.summarizerModel());
        if (team.agentIds() == null
                || team.agentIds().isEmpty()
                || team.agentIds().contains(null)) {
            throw ApiException.invalid("agentIds must list the members' UUIDs", "agentIds");
        }
        if (team.createdAt() == null || team.updatedAt() == null) {
            throw ApiException.invalid(
                    "createdAt and updatedAt are required", team.createdAt() == null ? "createdAt" : "updatedAt");
        }
    }
}
