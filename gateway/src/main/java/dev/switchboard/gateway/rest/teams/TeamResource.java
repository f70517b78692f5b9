package dev.switchboard.gateway.rest.teams;

import dev.switchboard.gateway.client.agent.TeamClient;
import dev.switchboard.gateway.rest.ModelIds;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
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

/**
 * Teams of agents, kept by agent-service: {@code POST /api/v1/teams} ({@code name} 1-200, {@code agent_ids} 1-10
 * agents of the organisation by numeric id, UUID or handle, optional canonical {@code summarizer_model}),
 * {@code GET} (all, or one), {@code PATCH} (any field), {@code DELETE}. Members are stored by UUID. Only admins
 * and service keys change teams; that {@code summarizer_model} is canonical is checked here, the rest by
 * agent-service.
 */
@Path("/api/v1/teams")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamClient teams;
    private final ModelIds models;
    private final Callers callers;

    public TeamResource(TeamClient teams, ModelIds models, Callers callers) {
        this.teams = teams;
        this.models = models;
        this.callers = callers;
    }

    @POST
    public Uni<Response> create(TeamShapes.TeamRequest request) {
        Caller caller = callers.admin("create teams");
        return checked(request, caller)
                .flatMap(ignored -> teams.create(request.toTeamWrite(), caller))
                .map(team -> Response.status(201)
                        .entity(TeamShapes.TeamResponse.of(team))
                        .build());
    }

    @GET
    public Uni<TeamShapes.TeamList> list() {
        return teams.list(callers.current())
                .map(all -> new TeamShapes.TeamList(
                        all.stream().map(TeamShapes.TeamResponse::of).toList()));
    }

    @GET
    @Path("/{id}")
    public Uni<TeamShapes.TeamResponse> get(@PathParam("id") String id) {
        return teams.get(id, callers.current()).map(TeamShapes.TeamResponse::of);
    }

    @PATCH
    @Path("/{id}")
    public Uni<TeamShapes.TeamResponse> update(@PathParam("id") String id, TeamShapes.TeamRequest request) {
        Caller caller = callers.admin("change teams");
        return checked(request, caller)
                .flatMap(ignored -> teams.update(id, request.toTeamWrite(), caller))
                .map(TeamShapes.TeamResponse::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return teams.delete(id, callers.admin("delete teams"))
                .map(v -> Response.noContent().build());
    }

    private Uni<String> checked(TeamShapes.TeamRequest request, Caller caller) {
        if (request == null) {
            throw ApiException.invalid("a JSON request body is required", null);
        }
        return models.requireSummarizer(request.summarizerModel(), caller);
    }
}
