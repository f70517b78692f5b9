package dev.switchboard.agent.rest;

import dev.switchboard.agent.service.TeamService;
import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.platform.web.http.Created;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The internal team API; the organisation of every call is the {@code org} claim of the internal JWT. Who may
 * change teams (admins) is the gateway's rule.
 */
@Path("/internal/teams")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamService teams;
    private final InternalCallers callers;

    TeamResource(TeamService teams, InternalCallers callers) {
        this.teams = teams;
        this.callers = callers;
    }

    @POST
    public Uni<RestResponse<TeamResponse>> create(TeamRequest request) {
        return teams.create(org(), request).map(team -> Created.at("/internal/teams/" + team.id(), team));
    }

    @GET
    public Uni<TeamListResponse> list() {
        return teams.list(org()).map(TeamListResponse::new);
    }

    @GET
    @Path("{id}")
    public Uni<TeamResponse> get(@PathParam("id") String id) {
        return teams.get(org(), id);
    }

    @PATCH
    @Path("{id}")
    public Uni<TeamResponse> update(@PathParam("id") String id, TeamRequest request) {
        return teams.update(org(), id, request);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return teams.delete(org(), id).map(ignored -> RestResponse.noContent());
    }

    /** A team kept elsewhere until now, stored under its own id and timestamps: 201 if new here, else 200. */
    @PUT
    @Path("{id}")
    public Uni<RestResponse<TeamResponse>> importTeam(@PathParam("id") String id, TeamImport team) {
        return teams.importTeam(org(), id, team)
                .map(imported -> Created.atOrOk(imported.created(), "/internal/teams/" + id, imported.team()));
    }

    /** The caller's organisation; never taken from the request. */
    private String org() {
        return callers.org();
    }
}
