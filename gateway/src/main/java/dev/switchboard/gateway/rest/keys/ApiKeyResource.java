package dev.switchboard.gateway.rest.keys;

import dev.switchboard.gateway.ApiKey;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.gateway.service.ApiKeyService;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * API keys of the caller's org, managed by its users (an end-user JWT or a personal key; a service key is 403).
 * The secret is answered once, when the key is created; a revoked key fails on the very next request.
 */
@Path("/api/v1/api-keys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    static final List<String> KINDS = List.of(ApiKey.PERSONAL, ApiKey.SERVICE);

    private final ApiKeyService keys;
    private final Callers callers;

    public ApiKeyResource(ApiKeyService keys, Callers callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @POST
    @ResponseStatus(201)
    public Uni<ApiKeyResponse> create(
            @Valid @NotNull(message = "a JSON request body is required") CreateApiKeyRequest request) {
        String kind = request.kind() == null ? ApiKey.PERSONAL : request.kind();
        if (!KINDS.contains(kind)) {
            throw ApiException.invalid("kind must be one of: " + String.join(", ", KINDS), "kind");
        }
        return keys.create(callers.current(), request.name().trim(), kind);
    }

    @GET
    public Uni<ApiKeyListResponse> list() {
        return keys.list(callers.current()).map(ApiKeyListResponse::new);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public Uni<Void> revoke(@PathParam("id") String id) {
        UUID keyId;
        try {
            keyId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("API key " + id + " not found", "id");
        }
        return keys.revoke(callers.current(), keyId);
    }
}
