package dev.switchboard.gateway.rest.chat;

import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.run.RunClient;
import dev.switchboard.gateway.client.run.RunRequest;
import dev.switchboard.gateway.client.thread.ConversationClient;
import dev.switchboard.gateway.client.thread.ThreadClient;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * Seed 003: chat with an agent in the caller's current conversation with it, and that conversation's history
 * (snake_case fields). The agent ({@code id}: numeric id, UUID or handle) is resolved through agent-service.
 */
@Path("/api/agents/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentChatResource {

    private final AgentClient agents;
    private final ThreadClient threads;
    private final RunClient runs;
    private final ConversationClient conversations;
    private final Callers callers;

    public AgentChatResource(
            AgentClient agents,
            ThreadClient threads,
            RunClient runs,
            ConversationClient conversations,
            Callers callers) {
        this.agents = agents;
        this.threads = threads;
        this.runs = runs;
        this.conversations = conversations;
        this.callers = callers;
    }

    @POST
    @Path("/chat")
    public Uni<AgentChatResponse> chat(
            @PathParam("id") String id,
            @Valid @NotNull(message = "a JSON request body is required") AgentChatRequest request) {
        Caller caller = callers.current();
        UUID runId = AgentChatStreamResource.runId(request.runId());
        String strategy = request.strategy();
        // run-service finds the agent as the client named it, and answers which agent ran
        return runs.run(
                        RunRequest.ofAgent(id, request.conversationId(), request.message())
                                .withRunId(runId)
                                .withStrategy(strategy),
                        caller)
                .onFailure()
                .transform(AgentChatStreamResource::conversationField)
                .map(run -> new AgentChatResponse(
                        run.content(), run.agent().publicRef(), run.agent().name()));
    }

    @GET
    @Path("/history")
    public Uni<HistoryResponse> history(
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("conversation_id") String conversationId) {
        int messages = HistoryLimit.parse(limit);
        Caller caller = callers.current();
        return agents.get(id, caller)
                .flatMap(agent -> conversationId == null || conversationId.isBlank()
                        ? threads.currentMessages(agent.uuid(), messages, caller)
                        : conversations.history(agent.uuid(), conversationId, messages, caller))
                .map(HistoryResponse::of);
    }
}
