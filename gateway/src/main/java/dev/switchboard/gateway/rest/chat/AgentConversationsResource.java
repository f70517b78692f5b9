package dev.switchboard.gateway.rest.chat;

import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.thread.ConversationClient;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.platform.web.error.ApiException;
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
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Seed 003's conversation management: the caller's own conversations with an agent ({@code id}: numeric id,
 * UUID or handle). Another user's, agent's or organisation's conversation is 404.
 */
@Path("/api/agents/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentConversationsResource {

    private final AgentClient agents;
    private final ConversationClient conversations;
    private final Callers callers;

    public AgentConversationsResource(AgentClient agents, ConversationClient conversations, Callers callers) {
        this.agents = agents;
        this.conversations = conversations;
        this.callers = callers;
    }

    @GET
    @Path("/conversations")
    public Uni<ConversationShapes.ConversationList> list(
            @PathParam("id") String id, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        return agents.get(id, caller)
                .flatMap(agent -> conversations.list(agent.uuid(), limit, caller))
                .map(ConversationShapes.ConversationList::of);
    }

    @POST
    @Path("/conversations")
    public Uni<RestResponse<ConversationShapes.Conversation>> create(
            @PathParam("id") String id, @Valid ConversationShapes.Create request) {
        Caller caller = callers.current();
        String title = request == null ? null : request.title();
        return agents.get(id, caller)
                .flatMap(agent -> conversations.create(agent, title, caller))
                .map(thread -> RestResponse.status(
                        RestResponse.Status.CREATED, ConversationShapes.Conversation.of(thread, true)));
    }

    @PUT
    @Path("/conversations/{conv_id}")
    public Uni<ConversationShapes.Conversation> rename(
            @PathParam("id") String id,
            @PathParam("conv_id") String conversationId,
            @Valid @NotNull(message = "a JSON request body is required") ConversationShapes.Rename request) {
        Caller caller = callers.current();
        return agents.get(id, caller)
                .flatMap(agent -> conversations
                        .rename(agent.uuid(), conversationId, request.title(), caller)
                        .flatMap(thread -> conversations
                                .list(agent.uuid(), "100", caller)
                                .map(list -> ConversationShapes.Conversation.of(
                                        thread, thread.id().equals(list.currentId())))));
    }

    @DELETE
    @Path("/conversations/{conv_id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id, @PathParam("conv_id") String conversationId) {
        Caller caller = callers.current();
        return agents.get(id, caller)
                .flatMap(agent -> conversations.delete(agent.uuid(), conversationId, caller))
                .map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/inbox")
    public Uni<ConversationShapes.Inbox> inbox(@PathParam("id") String id) {
        Caller caller = callers.current();
        return agents.get(id, caller)
                .flatMap(agent -> conversations.inbox(agent.uuid(), caller))
                .map(ConversationShapes.Inbox::of);
    }

    @POST
    @Path("/mark-read")
    public Uni<ConversationShapes.Marked> markRead(
            @PathParam("id") String id, @Valid ConversationShapes.MarkRead request) {
        Caller caller = callers.current();
        String conversationId = request == null ? null : request.conversationId();
        String messageId = request == null ? null : request.messageId();
        if (messageId != null && !ConversationShapes.isUuid(messageId)) {
            throw ApiException.invalid(
                    "message_id must be the id (a UUID) of a message of the conversation", "message_id");
        }
        return agents.get(id, caller)
                .flatMap(agent -> conversations.markRead(agent.uuid(), conversationId, messageId, caller))
                .map(marked -> new ConversationShapes.Marked(marked.markedRead()));
    }
}
