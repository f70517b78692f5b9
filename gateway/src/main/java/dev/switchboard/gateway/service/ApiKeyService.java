package dev.switchboard.gateway.service;

import dev.switchboard.gateway.ApiKey;
import dev.switchboard.gateway.repository.ApiKeyRepository;
import dev.switchboard.gateway.rest.keys.ApiKeyResponse;
import dev.switchboard.gateway.security.ApiKeyPrincipal;
import dev.switchboard.gateway.security.ApiKeySecrets;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.platform.web.Timestamps;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * API keys of the caller's organisation, managed by users (a service key may not manage keys). A personal key acts
 * as its creator with the creator's role; a service key acts as the organisation, so only an admin makes one.
 * Members see and revoke their own personal keys; admins every key of the organisation. Keys are checked on every
 * request that presents one: there is no cache, so a revoked key fails on the very next request.
 */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;

    ApiKeyService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    /** The new key with its secret, which is never shown again. */
    @WithTransaction
    public Uni<ApiKeyResponse> create(Caller caller, String name, String kind) {
        requireUser(caller);
        if (ApiKey.SERVICE.equals(kind) && !caller.isAdmin()) {
            throw ApiException.permissionDenied(
                    "only an organisation admin may create a service key (it acts as the "
                            + "whole organisation); create a personal key, or ask an admin",
                    "kind");
        }
        String secret = ApiKeySecrets.generate(ApiKey.SERVICE.equals(kind));
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.orgId = caller.orgId();
        key.userId = caller.userId();
        key.kind = kind;
        key.name = name;
        key.role = caller.isAdmin() ? Caller.ADMIN : Caller.MEMBER;
        key.lookupPrefix = ApiKeySecrets.prefix(secret);
        key.secretHash = ApiKeySecrets.hash(secret);
        key.createdAt = Timestamps.now();
        return keys.persist(key).map(saved -> toResponse(saved, secret));
    }

    @WithSession
    public Uni<List<ApiKeyResponse>> list(Caller caller) {
        requireUser(caller);
        return keys.visibleTo(caller.orgId(), caller.userId(), caller.isAdmin())
                .map(list -> list.stream().map(key -> toResponse(key, null)).toList());
    }

    /** Revokes a key the caller sees in its list; any other id (another user's or org's key) is 404. */
    @WithTransaction
    public Uni<Void> revoke(Caller caller, UUID id) {
        requireUser(caller);
        return keys.activeInOrg(caller.orgId(), id)
                .map(key ->
                        key != null && (caller.isAdmin() || (!key.isService() && key.userId.equals(caller.userId())))
                                ? key
                                : null)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("API key " + id + " not found", "id"))
                .invoke(key -> key.revokedAt = Timestamps.now())
                .replaceWithVoid();
    }

    /** Who the secret acts as, or null if it is no unrevoked key. Hashes are compared in constant time. */
    @WithTransaction
    public Uni<ApiKeyPrincipal> authenticate(String secret) {
        if (!ApiKeySecrets.isWellFormed(secret)) {
            return Uni.createFrom().nullItem();
        }
        byte[] hash = ApiKeySecrets.hash(secret);
        return keys.activeByPrefix(ApiKeySecrets.prefix(secret))
                .map(candidates -> candidates.stream()
                        .filter(key -> ApiKeySecrets.matches(key.secretHash, hash))
                        .findFirst()
                        .orElse(null))
                .call(key -> key == null ? Uni.createFrom().voidItem() : keys.touch(key.id, Timestamps.now()))
                .map(key -> key == null ? null : new ApiKeyPrincipal(actingAs(key), key.id));
    }

    private static Caller actingAs(ApiKey key) {
        return key.isService()
                ? new Caller("service:" + key.id, key.orgId, Caller.SERVICE, Caller.ADMIN)
                : new Caller(
                        key.userId,
                        key.orgId,
                        Caller.USER,
                        Caller.ADMIN.equals(key.role) ? Caller.ADMIN : Caller.MEMBER);
    }

    private static void requireUser(Caller caller) {
        if (caller.isService()) {
            throw new ApiException(
                    403,
                    "permission_denied",
                    "a service key cannot manage API keys: use a user's token or personal key",
                    null);
        }
    }

    private static ApiKeyResponse toResponse(ApiKey key, String secret) {
        return new ApiKeyResponse(
                key.id,
                key.name,
                key.kind,
                key.isService() ? Caller.ADMIN : key.role,
                key.lookupPrefix,
                key.userId,
                key.createdAt,
                key.lastUsedAt,
                secret);
    }
}
