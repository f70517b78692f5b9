package dev.switchboard.agent.rest;

import dev.switchboard.agent.service.AgentService;
import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.platform.web.http.Created;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** The internal agent API; the organisation of every call is the {@code org} claim of the internal JWT. */
@Path("/internal/agents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentService agents;
    private final InternalCallers callers;

    AgentResource(AgentService agents, InternalCallers callers) {
        this.agents = agents;
        this.callers = callers;
    }

    @POST
    public Uni<RestResponse<AgentResponse>> create(@Valid @NotNull CreateAgentRequest request) {
        return agents.create(org(), request).map(agent -> Created.at("/internal/agents/" + agent.id(), agent));
    }

    @GET
    public Uni<AgentListResponse> list() {
        return agents.list(org()).map(AgentListResponse::new);
    }

    @GET
    @Path("{ref}")
    public Uni<AgentResponse> get(@PathParam("ref") String ref) {
        return agents.get(org(), ref);
    }

    @PATCH
    @Path("{ref}")
    public Uni<AgentResponse> update(@PathParam("ref") String ref, @Valid @NotNull UpdateAgentRequest request) {
        return agents.update(org(), ref, request);
    }

    /** The caller's organisation; never taken from the request. */
    private String org() {
        return callers.org();
    }
}
