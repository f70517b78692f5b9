package dev.switchboard.gateway.client.thread;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** thread-service's seed-003 conversation routes; use {@link ConversationClient}. */
@RegisterRestClient(configKey = "thread-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ConversationRestClient {

    @GET
    Uni<ConversationViews.ConversationList> list(
            @QueryParam("agentId") UUID agentId,
            @QueryParam("limit") String limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    Uni<ThreadView> create(Map<String, Object> body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/{id}")
    Uni<ThreadView> rename(
            @PathParam("id") String id,
            @QueryParam("agentId") UUID agentId,
            Map<String, Object> body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/{id}")
    Uni<Void> delete(
            @PathParam("id") String id,
            @QueryParam("agentId") UUID agentId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}/messages")
    Uni<MessageList> history(
            @PathParam("id") String id,
            @QueryParam("agentId") UUID agentId,
            @QueryParam("limit") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/inbox")
    Uni<ConversationViews.Inbox> inbox(
            @QueryParam("agentId") UUID agentId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/mark-read")
    Uni<ConversationViews.Marked> markRead(
            Map<String, Object> body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
