package dev.switchboard.gateway.rest.chat;

import dev.switchboard.gateway.client.run.RunRequest;
import dev.switchboard.gateway.rest.runs.RunStreams;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 003's {@code POST /api/agents/{id}/chat/stream}: the same body as {@code /chat} (plus an optional
 * {@code run_id} the client chose, to cancel before the first byte), answered as Server-Sent Events while the
 * model writes (see {@link RunStreams}). The run goes on if the client disconnects. The run is started (run-service
 * finds the agent as the client named it) before the first byte, on a worker thread, so a bad request is still a
 * JSON 4xx.
 */
@Path("/api/agents/{id}/chat/stream")
@Authenticated
public class AgentChatStreamResource {

    private final RunStreams streams;
    private final Callers callers;

    public AgentChatStreamResource(RunStreams streams, Callers callers) {
        this.streams = streams;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(
            @PathParam("id") String id,
            @Valid @NotNull(message = "a JSON request body is required") AgentChatRequest request,
            @Context Sse sse,
            @Context HttpServerResponse response) {
        Caller caller = callers.current();
        UUID runId = runId(request.runId());
        String strategy = request.strategy();
        RunRequest run = RunRequest.ofAgent(id, request.conversationId(), request.message())
                .withRunId(runId)
                .withStrategy(strategy);
        return streams.start(run, caller, AgentChatStreamResource::conversationField, sse, response);
    }

    /** run-service names the thread {@code threadId}; seed 003's chat bodies name it {@code conversation_id}. */
    static Throwable conversationField(Throwable failure) {
        return ApiException.renamingField(failure, Map.of("threadId", "conversation_id"));
    }

    static UUID runId(String value) {
        if (value == null) {
            return UUID.randomUUID();
        }
        try {
            UUID id = UUID.fromString(value);
            if (value.length() == 36) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw ApiException.invalid("run_id must be a UUID, e.g. " + UUID.randomUUID(), "run_id");
    }
}
