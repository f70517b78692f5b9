package dev.switchboard.gateway.rest.agents;

import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.agent.AgentList;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.rest.ModelIds;
import dev.switchboard.gateway.security.Caller;
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
    private final ModelIds models;
    private final Callers callers;

    public AgentResource(AgentClient agents, ModelIds models, Callers callers) {
        this.agents = agents;
        this.models = models;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    public Uni<AgentView> create(
            @Valid @NotNull(message = "a JSON request body is required") CreateAgentRequest request) {
        Caller caller = callers.current();
        return models.require(request.model(), caller)
                .flatMap(model -> agents.create(request.toAgentWrite(), Callers.admin(caller, "create agents")))
                .map(AgentView::masked);
    }

    @GET
    public Uni<AgentList> list() {
        return agents.list(callers.current())
                .map(list -> new AgentList(list.stream().map(AgentView::masked).toList()));
    }

    @GET
    @Path("/{id}")
    public Uni<AgentView> get(@PathParam("id") String id) {
        return agents.get(id, callers.current()).map(AgentView::masked);
    }

    @PATCH
    @Path("/{id}")
    public Uni<AgentView> update(
            @PathParam("id") String id,
            @Valid @NotNull(message = "a JSON request body is required") UpdateAgentRequest request) {
        Caller caller = callers.current();
        return models.requireIfPresent(request.model(), caller)
                .flatMap(model -> agents.update(id, request.toAgentWrite(), Callers.admin(caller, "change agents")))
                .map(AgentView::masked);
    }
}
