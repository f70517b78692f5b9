package dev.switchboard.gateway.client.thread;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** thread-service's idempotency-key routes; use {@link IdempotencyClient}. */
@RegisterRestClient(configKey = "thread-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/idempotency-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface IdempotencyRestClient {

    @POST
    Uni<KeyClaim> claim(KeyClaim.Request claim, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/{claimId}")
    Uni<Void> complete(
            @PathParam("claimId") UUID claimId,
            KeyClaim.Completion completion,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/{claimId}")
    Uni<Void> release(@PathParam("claimId") UUID claimId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
