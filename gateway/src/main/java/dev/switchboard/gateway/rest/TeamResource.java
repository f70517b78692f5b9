package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.CanonicalModels;
import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.gateway.service.TeamService;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Teams of agents: {@code POST /api/v1/teams} ({@code name} 1-200, {@code agent_ids} 1-10 agents of the
 * organisation by id, UUID or handle, optional canonical {@code summarizer_model}), {@code GET} (all, or one),
 * {@code PATCH} (any field), {@code DELETE}. Members are stored by UUID.
 */
@Path("/api/v1/teams")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    static final int MAX_MEMBERS = 10;

    private final TeamService teams;
    private final AgentClient agents;
    private final Callers callers;

    public TeamResource(TeamService teams, AgentClient agents, Callers callers) {
        this.teams = teams;
        this.agents = agents;
        this.callers = callers;
    }

    @POST
    public Uni<Response> create(TeamShapes.TeamRequest request) {
        Caller caller = callers.admin("create teams");
        if (request == null) {
            throw ApiException.invalid("a JSON request body is required", null);
        }
        String name = name(request.name(), true);
        String model = summarizer(request.summarizerModel());
        return members(request.agentIds(), true, caller)
                .flatMap(ids -> teams.create(caller.orgId(), name, ids, model))
                .map(team -> Response.status(201).entity(TeamShapes.TeamResponse.of(team)).build());
    }

    @GET
    public Uni<TeamShapes.TeamList> list() {
        return teams.list(callers.current().orgId())
                .map(all -> new TeamShapes.TeamList(all.stream().map(TeamShapes.TeamResponse::of).toList()));
    }

    @GET
    @Path("/{id}")
    public Uni<TeamShapes.TeamResponse> get(@PathParam("id") String id) {
        return teams.find(callers.current().orgId(), TeamService.id(id)).map(TeamShapes.TeamResponse::of);
    }

    @PATCH
    @Path("/{id}")
    public Uni<TeamShapes.TeamResponse> update(@PathParam("id") String id, TeamShapes.TeamRequest request) {
        Caller caller = callers.admin("change teams");
        UUID teamId = TeamService.id(id);
        if (request == null) {
            throw ApiException.invalid("a JSON request body is required", null);
        }
        String name = name(request.name(), false);
        String model = summarizer(request.summarizerModel());
        return members(request.agentIds(), false, caller)
                .flatMap(ids -> teams.update(caller.orgId(), teamId, name, ids, model))
                .map(TeamShapes.TeamResponse::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return teams.delete(callers.admin("delete teams").orgId(), TeamService.id(id)).map(v -> Response.noContent().build());
    }

    private static String name(String name, boolean required) {
        if (name == null && !required) {
            return null;
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.invalid("name is required and must be 1-200 characters", "name");
        }
        return name.trim();
    }

    private static String summarizer(String model) {
        if (model != null && !CanonicalModels.isCanonical(model)) {
            throw ApiException.invalid("summarizer_model must be one of: " + String.join(", ", CanonicalModels.IDS),
                    "summarizer_model");
        }
        return model;
    }

    /** The members' UUIDs, each an agent of the caller's organisation (404 naming the entry otherwise). */
    private Uni<List<UUID>> members(List<String> refs, boolean required, Caller caller) {
        if (refs == null && !required) {
            return Uni.createFrom().nullItem();
        }
        if (refs == null || refs.isEmpty() || refs.size() > MAX_MEMBERS) {
            throw ApiException.invalid("agent_ids must list 1 to " + MAX_MEMBERS + " agents", "agent_ids");
        }
        List<Uni<AgentView>> lookups = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            String field = "agent_ids[" + i + "]";
            if (ref == null || ref.isBlank() || ref.length() > 100) {
                throw ApiException.invalid(field + " must be an agent id, UUID or handle", field);
            }
            lookups.add(agents.get(ref.trim(), caller).onFailure(ApiException.class)
                    .transform(e -> ((ApiException) e).status() == 404
                            ? ApiException.notFound("agent " + ref + " not found", field) : e));
        }
        return Multi.createFrom().iterable(lookups).onItem().transformToUniAndConcatenate(u -> u)
                .map(AgentView::uuid).collect().asList();
    }
}
