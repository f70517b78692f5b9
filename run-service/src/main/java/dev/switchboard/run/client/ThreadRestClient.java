package dev.switchboard.run.client;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** thread-service's internal routes run-service calls; use {@link ThreadClient}. */
@RegisterRestClient(configKey = "thread-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ThreadRestClient {

    @POST
    Uni<ThreadView> create(NewThread body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/current")
    Uni<ThreadView> current(NewThread body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}")
    Uni<ThreadView> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}/messages")
    Uni<MessageList> messages(
            @PathParam("id") String id,
            @QueryParam("limit") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/{id}/messages")
    Uni<MessageView> append(
            @PathParam("id") String id, NewMessage body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
