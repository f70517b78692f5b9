package dev.switchboard.gateway.client.agent;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** agent-service's internal team routes; use {@link TeamClient}. */
@RegisterRestClient(configKey = "agent-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface TeamRestClient {

    @POST
    Uni<TeamView> create(TeamWrite team, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    Uni<TeamList> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}")
    Uni<TeamView> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PATCH
    @Path("/{id}")
    Uni<TeamView> update(
            @PathParam("id") String id,
            TeamWrite changes,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/{id}")
    Uni<Void> delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/{id}")
    Uni<TeamView> importTeam(
            @PathParam("id") String id, TeamImport team, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
