package dev.switchboard.gateway.client.thread;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** thread-service's seed 004 routes (messages with details, feedback); use {@link ThreadMessageClient}. */
@RegisterRestClient(configKey = "thread-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/threads/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ThreadMessageRestClient {

    @POST
    Uni<StoredMessage> append(
            @PathParam("id") String threadId,
            MessageWrite message,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{messageId}")
    Uni<MessageDetails> get(
            @PathParam("id") String threadId,
            @PathParam("messageId") String messageId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/{messageId}/feedback")
    Uni<RestResponse<StoredFeedback>> feedback(
            @PathParam("id") String threadId,
            @PathParam("messageId") String messageId,
            FeedbackWrite feedback,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
