package dev.switchboard.run.client;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** agent-service's internal routes run-service calls; use {@link AgentClient}. */
@RegisterRestClient(configKey = "agent-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/agents")
@Produces(MediaType.APPLICATION_JSON)
interface AgentRestClient {

    @GET
    @Path("/{ref}")
    Uni<AgentView> get(@PathParam("ref") String ref, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
