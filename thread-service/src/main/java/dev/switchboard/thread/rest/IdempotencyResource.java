package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.service.IdempotencyService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * {@code Idempotency-Key} records of the caller (org + user), for the gateway: claim a key for a request,
 * then complete the claim with the answer or release it.
 */
@Path("/internal/idempotency-keys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdempotencyResource {

    private final IdempotencyService keys;
    private final InternalCallers caller;

    IdempotencyResource(IdempotencyService keys, InternalCallers caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    public Uni<ClaimKeyResponse> claim(@Valid @NotNull ClaimKeyRequest request) {
        return keys.claim(caller.org(), caller.user(), request.key(), request.requestHash());
    }

    @PUT
    @Path("{claimId}")
    public Uni<Void> complete(@PathParam("claimId") String claimId, @Valid @NotNull CompleteKeyRequest request) {
        return keys.complete(
                caller.org(), caller.user(), claimId(claimId), request.responseStatus(), request.responseBody());
    }

    @DELETE
    @Path("{claimId}")
    public Uni<Void> release(@PathParam("claimId") String claimId) {
        return keys.release(caller.org(), caller.user(), claimId(claimId));
    }

    private static UUID claimId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("claim " + value + " not found");
        }
    }
}
