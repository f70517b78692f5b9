package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** thread-service's internal routes the gateway reads; use {@link ThreadClient}. */
@RegisterRestClient(configKey = "thread-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/threads")
@Produces(MediaType.APPLICATION_JSON)
interface ThreadRestClient {

    @GET
    @Path("/{id}")
    Uni<ThreadView> get(@PathParam("id") String threadId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}/messages")
    Uni<MessageList> messages(
            @PathParam("id") String threadId,
            @QueryParam("limit") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Seed 001's list; the query parameters pass through unchanged (thread-service checks them). */
    @GET
    Uni<JsonNode> list(
            @QueryParam("agentNumericId") long agentNumericId,
            @QueryParam("userId") String userId,
            @QueryParam("toolName") String toolName,
            @QueryParam("timeframe") String timeframe,
            @QueryParam("includeTools") String includeTools,
            @QueryParam("pageSize") String pageSize,
            @QueryParam("page") String page,
            @QueryParam("pageToken") String pageToken,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/{id}/participants/{userId}")
    Uni<ThreadView> addParticipant(
            @PathParam("id") String threadId,
            @PathParam("userId") String userId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/{id}/participants/{userId}")
    Uni<ThreadView> removeParticipant(
            @PathParam("id") String threadId,
            @PathParam("userId") String userId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/current/messages")
    Uni<MessageList> currentMessages(
            @QueryParam("agentId") UUID agentId,
            @QueryParam("limit") int limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
