package dev.switchboard.gateway.rest.messages;

import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.client.run.RunClient;
import dev.switchboard.gateway.client.run.RunRequest;
import dev.switchboard.gateway.client.thread.FeedbackWrite;
import dev.switchboard.gateway.client.thread.MessageWrite;
import dev.switchboard.gateway.client.thread.StoredMessage;
import dev.switchboard.gateway.client.thread.ThreadClient;
import dev.switchboard.gateway.client.thread.ThreadMessageClient;
import dev.switchboard.gateway.client.thread.ThreadView;
import dev.switchboard.gateway.ratelimit.RunQuota;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Seed 004: add a message to a thread of an agent, and feedback on the agent's answers. A {@code user} message is
 * stored with its details first, then the agent answers it (run-service, {@code userMessageId}) and the answer
 * is the assistant's message; an {@code assistant} or {@code system} message is stored and answered as it is.
 * Another agent's or org's thread is 404.
 */
@Path("/api/v1/chat/{agent_id}/threads/{thread_id}/messages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatMessageResource {

    private final AgentClient agents;
    private final ThreadClient threads;
    private final ThreadMessageClient messages;
    private final RunClient runs;
    private final Callers callers;
    private final RunQuota runQuota;

    public ChatMessageResource(
            AgentClient agents,
            ThreadClient threads,
            ThreadMessageClient messages,
            RunClient runs,
            Callers callers,
            RunQuota runQuota) {
        this.agents = agents;
        this.threads = threads;
        this.messages = messages;
        this.runs = runs;
        this.callers = callers;
        this.runQuota = runQuota;
    }

    @POST
    @ResponseStatus(201)
    public Uni<ChatMessageResponse> add(
            @PathParam("agent_id") String agentId,
            @PathParam("thread_id") String threadId,
            @NotNull(message = "a JSON request body is required") ChatMessageRequest request) {
        String role = request.validatedRole();
        Caller caller = callers.current();
        if (!role.equals("user") && !caller.reachesOrganisation()) {
            // an assistant or system message speaks for the agent (a system message joins its instructions)
            throw ApiException.permissionDenied(
                    "only an organisation admin or a service key may add " + role + " messages; send role user",
                    "role");
        }
        return agentsThread(agentId, threadId, caller).flatMap(agent -> {
            requireSameAgent(agent, request.agentId());
            MessageWrite message = new MessageWrite(
                    UUID.randomUUID(), role, request.content(), request.contentHtml(), request.metadataOrNull());
            Uni<StoredMessage> stored = messages.append(threadId, message, caller);
            if (!role.equals("user")) {
                return stored.map(m -> ChatMessageResponse.of(m, null));
            }
            // a user message starts a run: counted before the message is stored, so a 429 leaves nothing behind
            return runQuota.charge(1)
                    .chain(() -> stored)
                    .flatMap(question -> runs.run(
                            RunRequest.storedMessage(
                                    agent.uuid(),
                                    threadId,
                                    request.content(),
                                    message.id().toString()),
                            caller))
                    .flatMap(run -> messages.get(
                            threadId,
                            RunClient.assistantMessageId(caller.orgId(), run.runId())
                                    .toString(),
                            caller))
                    .map(ChatMessageResponse::of);
        });
    }

    /** One message of the thread with the caller's feedback on it. */
    @GET
    @Path("/{message_id}")
    public Uni<ChatMessageResponse> get(
            @PathParam("agent_id") String agentId,
            @PathParam("thread_id") String threadId,
            @PathParam("message_id") String messageId) {
        Caller caller = callers.current();
        return agentsThread(agentId, threadId, caller)
                .flatMap(agent -> messages.get(threadId, messageId, caller))
                .onFailure(ApiException.class)
                .transform(ChatMessageResource::publicField)
                .map(ChatMessageResponse::of);
    }

    /** 201 with new feedback; 200 when it updates the caller's earlier feedback on the message (one per user). */
    @POST
    @Path("/{message_id}/feedback")
    public Uni<RestResponse<FeedbackResponse>> feedback(
            @PathParam("agent_id") String agentId,
            @PathParam("thread_id") String threadId,
            @PathParam("message_id") String messageId,
            @NotNull(message = "a JSON request body is required") FeedbackRequest request) {
        FeedbackWrite feedback = request.validated();
        Caller caller = callers.current();
        return agentsThread(agentId, threadId, caller)
                .flatMap(agent -> messages.feedback(threadId, messageId, feedback, caller))
                .onFailure(ApiException.class)
                .transform(ChatMessageResource::publicField)
                .map(given -> given.created()
                        ? RestResponse.status(RestResponse.Status.CREATED, FeedbackResponse.of(given.feedback()))
                        : RestResponse.ok(FeedbackResponse.of(given.feedback())));
    }

    /** The agent, once the thread is known to be one of its threads in the caller's org (else 404). */
    private Uni<AgentView> agentsThread(String agentId, String threadId, Caller caller) {
        return agents.get(agentId, caller)
                .flatMap(agent -> threads.get(threadId, caller)
                        .onFailure(ApiException.class)
                        .transform(e -> ((ApiException) e).status() == 404 ? threadNotFound(threadId) : e)
                        .map(thread -> requireAgentsThread(agent, thread, threadId)));
    }

    private static AgentView requireAgentsThread(AgentView agent, ThreadView thread, String threadId) {
        if (thread.agentId() == null || !thread.agentId().equals(agent.uuid())) {
            throw threadNotFound(threadId);
        }
        return agent;
    }

    /** thread-service names the message {@code messageId}; this API names it {@code message_id}. */
    private static Throwable publicField(Throwable failure) {
        return ApiException.renamingField(failure, Map.of("messageId", "message_id"));
    }

    private static ApiException threadNotFound(String threadId) {
        return ApiException.notFound("thread " + threadId + " not found", "thread_id");
    }

    /** {@code agent_id} in the body, if any, must name the path's agent (its UUID, numeric id or handle). */
    private static void requireSameAgent(AgentView agent, String bodyAgentId) {
        if (bodyAgentId == null) {
            return;
        }
        boolean same = bodyAgentId.equalsIgnoreCase(agent.uuid().toString())
                || bodyAgentId.equals(Long.toString(agent.id()))
                || bodyAgentId.equals(agent.handle());
        if (!same) {
            throw ApiException.invalid("agent_id must be the agent of the path (" + agent.uuid() + ")", "agent_id");
        }
    }
}
