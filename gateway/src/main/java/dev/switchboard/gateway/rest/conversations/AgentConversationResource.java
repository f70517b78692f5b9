package dev.switchboard.gateway.rest.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.client.run.RunClient;
import dev.switchboard.gateway.client.run.RunRequest;
import dev.switchboard.gateway.client.thread.ThreadClient;
import dev.switchboard.gateway.client.thread.ThreadView;
import dev.switchboard.gateway.rest.ModelIds;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Seed 000: buffered chat with an agent, on a new thread or continuing one, and a conversation read back.
 * The agent ({@code id}: numeric id, UUID or handle) is resolved through agent-service; the run goes to
 * run-service, which answers once it completed.
 */
@Path("/api/v1/agents/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentConversationResource {

    /** The most messages a conversation answers with (thread-service's maximum). */
    static final int CONVERSATION_MESSAGES = 1000;

    private final AgentClient agents;
    private final ThreadClient threads;
    private final RunClient runs;
    private final ModelIds models;
    private final Callers callers;

    public AgentConversationResource(
            AgentClient agents, ThreadClient threads, RunClient runs, ModelIds models, Callers callers) {
        this.agents = agents;
        this.threads = threads;
        this.runs = runs;
        this.models = models;
        this.callers = callers;
    }

    @POST
    @Path("/chat")
    public Uni<ChatResponse> chatOnNewThread(
            @PathParam("id") String id,
            @Valid @NotNull(message = "a JSON request body is required") ChatRequest request) {
        return chat(id, request, (agent, model) -> RunRequest.newThread(agent.uuid(), request.message(), model));
    }

    @POST
    @Path("/conversations/{threadId}/chat")
    public Uni<ChatResponse> chatOnThread(
            @PathParam("id") String id,
            @PathParam("threadId") String threadId,
            @Valid @NotNull(message = "a JSON request body is required") ChatRequest request) {
        return chat(
                id,
                request,
                (agent, model) -> RunRequest.existingThread(agent.uuid(), threadId, request.message(), model));
    }

    /** The model checked (canonical), the agent resolved, then the run of the agent on the model, awaited. */
    private Uni<ChatResponse> chat(String id, ChatRequest request, BiFunction<AgentView, String, RunRequest> run) {
        Caller caller = callers.current();
        return models.require(request.model(), caller)
                .flatMap(model -> agents.get(id, caller).flatMap(agent -> runs.run(run.apply(agent, model), caller)))
                .map(ChatResponse::from);
    }

    @GET
    @Path("/conversations/{threadId}")
    public Uni<ConversationResponse> conversation(@PathParam("id") String id, @PathParam("threadId") String threadId) {
        Caller caller = callers.current();
        return agents.get(id, caller)
                .flatMap(agent -> threads.get(threadId, caller)
                        .map(thread -> requireAgentsThread(agent, thread, threadId))
                        .flatMap(thread -> threads.messages(threadId, CONVERSATION_MESSAGES, caller)
                                .map(messages -> ConversationResponse.of(agent, thread, messages))));
    }

    /**
     * Adds a user to the conversation's participants: they reach it from then on, as its creator does. Only its
     * creator, an admin or a service key may (403 otherwise). Answers {@code {"thread_id", "user_ids"}}.
     */
    @PUT
    @Path("/conversations/{threadId}/participants/{userId}")
    @Consumes(MediaType.WILDCARD)
    public Uni<ParticipantsResponse> addParticipant(
            @PathParam("id") String id, @PathParam("threadId") String threadId, @PathParam("userId") String userId) {
        return participant(id, threadId, userId, true);
    }

    /** Removes a participant (never the creator); they no longer reach the conversation. */
    @DELETE
    @Path("/conversations/{threadId}/participants/{userId}")
    @Consumes(MediaType.WILDCARD)
    public Uni<ParticipantsResponse> removeParticipant(
            @PathParam("id") String id, @PathParam("threadId") String threadId, @PathParam("userId") String userId) {
        return participant(id, threadId, userId, false);
    }

    private Uni<ParticipantsResponse> participant(String id, String threadId, String userId, boolean add) {
        Caller caller = callers.current();
        return agents.get(id, caller)
                .flatMap(agent -> threads.get(threadId, caller)
                        .map(thread -> requireAgentsThread(agent, thread, threadId))
                        .flatMap(thread -> threads.participant(threadId, userId, add, caller)))
                .map(thread ->
                        new ParticipantsResponse(thread.id(), thread.userIds() == null ? List.of() : thread.userIds()));
    }

    /** {@code {"thread_id", "user_ids"}}: who takes part in a conversation (snake_case, a management answer). */
    public record ParticipantsResponse(
            @JsonProperty("thread_id") String threadId,
            @JsonProperty("user_ids") List<String> userIds) {}

    /** Another agent's thread answers as a thread that does not exist. */
    private static ThreadView requireAgentsThread(AgentView agent, ThreadView thread, String threadId) {
        if (thread.agentId() == null || !thread.agentId().equals(agent.uuid())) {
            throw ApiException.notFound("thread " + threadId + " not found", "threadId");
        }
        return thread;
    }
}
