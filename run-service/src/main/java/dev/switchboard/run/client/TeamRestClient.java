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

/** agent-service's {@code GET /internal/teams/{id}}; use {@link TeamClient}. */
@RegisterRestClient(configKey = "agent-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/teams")
@Produces(MediaType.APPLICATION_JSON)
interface TeamRestClient {

    @GET
    @Path("/{id}")
    Uni<TeamView> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
