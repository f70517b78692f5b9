package dev.switchboard.gateway.rest.agents;

import dev.switchboard.gateway.CanonicalModels;
import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.security.Callers;
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
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Agents of the caller's org, forwarded to agent-service: the agent JSON is agent-service's own. An agent is
 * addressed by numeric id, UUID or handle. {@code model} must be a canonical id (seed 000).
 */
@Path("/api/v1/agents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentClient agents;
    private final Callers callers;

    public AgentResource(AgentClient agents, Callers callers) {
        this.agents = agents;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    public Uni<AgentResponse> create(
            @Valid @NotNull(message = "a JSON request body is required") CreateAgentRequest request) {
        CanonicalModels.require(request.model());
        return agents.create(request.toAgentWrite(), callers.admin("create agents"))
                .map(AgentResponse::from);
    }

    @GET
    public Uni<AgentListResponse> list() {
        return agents.list(callers.current())
                .map(list -> new AgentListResponse(
                        list.stream().map(AgentResponse::from).toList()));
    }

    @GET
    @Path("/{id}")
    public Uni<AgentResponse> get(@PathParam("id") String id) {
        return agents.get(id, callers.current()).map(AgentResponse::from);
    }

    @PATCH
    @Path("/{id}")
    public Uni<AgentResponse> update(
            @PathParam("id") String id,
            @Valid @NotNull(message = "a JSON request body is required") UpdateAgentRequest request) {
        CanonicalModels.requireIfPresent(request.model());
        return agents.update(id, request.toAgentWrite(), callers.admin("change agents"))
                .map(AgentResponse::from);
    }
}
