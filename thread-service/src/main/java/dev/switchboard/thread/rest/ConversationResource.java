package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.config.ThreadsConfig;
import dev.switchboard.thread.service.ConversationService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Seed 003's conversation management: the caller's own conversations with one agent. */
@Path("/internal/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ConversationService conversations;
    private final InternalCallers caller;
    private final ThreadsConfig config;

    ConversationResource(ConversationService conversations, InternalCallers caller, ThreadsConfig config) {
        this.conversations = conversations;
        this.caller = caller;
        this.config = config;
    }

    @GET
    public Uni<ConversationRequests.ConversationList> list(
            @QueryParam("agentId") String agentId, @QueryParam("limit") String limit) {
        return conversations.list(caller.org(), caller.user(), agent(agentId), limit(limit, 100));
    }

    @POST
    public Uni<RestResponse<ThreadResponse>> create(@Valid @NotNull ConversationRequests.Create request) {
        return conversations
                .create(caller.org(), caller.user(), request)
                .map(t -> RestResponse.ResponseBuilder.<ThreadResponse>created(
                                URI.create("/internal/threads/" + t.id()))
                        .entity(t)
                        .build());
    }

    @PUT
    @Path("{id}")
    public Uni<ThreadResponse> rename(
            @PathParam("id") String id,
            @QueryParam("agentId") String agentId,
            @Valid @NotNull ConversationRequests.Rename request) {
        return conversations.rename(Caller.of(caller.current()), agent(agentId), id, request.title());
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id, @QueryParam("agentId") String agentId) {
        return conversations
                .delete(Caller.of(caller.current()), agent(agentId), id)
                .map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("{id}/messages")
    public Uni<MessageListResponse> history(
            @PathParam("id") String id, @QueryParam("agentId") String agentId, @QueryParam("limit") String limit) {
        return conversations.history(
                Caller.of(caller.current()), agent(agentId), id, limit(limit, config.maxHistoryLimit()));
    }

    @GET
    @Path("inbox")
    public Uni<ConversationRequests.Inbox> inbox(
            @QueryParam("agentId") String agentId, @QueryParam("limit") String limit) {
        return conversations.inbox(caller.org(), caller.user(), agent(agentId), limit(limit, 100));
    }

    @POST
    @Path("mark-read")
    public Uni<ConversationRequests.Marked> markRead(@Valid @NotNull ConversationRequests.MarkRead request) {
        return conversations.markRead(Caller.of(caller.current()), request);
    }

    private int limit(String limit, int max) {
        if (limit == null || limit.isBlank()) {
            return Math.min(config.defaultHistoryLimit(), max);
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid("limit must be an integer from 1 to " + max, "limit");
    }

    private static UUID agent(String agentId) {
        try {
            return UUID.fromString(agentId == null ? "" : agentId.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("agentId must be the agent's UUID", "agentId");
        }
    }
}
