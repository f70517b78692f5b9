package dev.switchboard.gateway.client.run;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Multi;
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
import org.jboss.resteasy.reactive.client.SseEvent;

/** run-service's internal routes; use {@link RunClient}. */
@RegisterRestClient(configKey = "run-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RunRestClient {

    @POST
    Uni<RunView> run(RunRequest run, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}")
    Uni<RunView> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/{id}/cancel")
    Uni<RunView> cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> startStream(RunRequest run, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(
            @PathParam("id") String id,
            @QueryParam("since") int since,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
