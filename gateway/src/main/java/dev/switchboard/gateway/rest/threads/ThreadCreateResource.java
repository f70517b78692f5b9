package dev.switchboard.gateway.rest.threads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.gateway.service.ThreadCreation;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Seed 002: {@code POST /api/v1/agents/{agentId}/threads} creates a thread with a first {@code user.message},
 * attached files, {@code client_external_ref} and {@code attributed_user_id}, retry-safe with an
 * {@code Idempotency-Key}. Answers 201 once the agent's run on the message completed.
 */
@Path("/api/v1/agents/{agentId}/threads")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThreadCreateResource {

    static final String SERVICE_TOKEN_FILES =
            "Organization Service tokens cannot attach files until service-token file uploads are available";

    private final ThreadCreation creation;
    private final Callers callers;

    public ThreadCreateResource(ThreadCreation creation, Callers callers) {
        this.creation = creation;
        this.callers = callers;
    }

    @POST
    public Uni<Response> create(
            @PathParam("agentId") String agentId,
            @HeaderParam(ThreadCreation.IDEMPOTENCY_KEY) String idempotencyKey,
            JsonNode body) {
        Caller caller = callers.current();
        String key = ThreadCreation.checkKey(idempotencyKey);
        CreateThreadInput input = CreateThreadInput.parse(body);
        if (!input.fileIds().isEmpty() && caller.isService()) {
            throw new ApiException(403, "permission_denied", SERVICE_TOKEN_FILES, "files");
        }
        return creation.create(caller, agentId, key, input, body);
    }
}
