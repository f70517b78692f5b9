package dev.switchboard.gateway.repository;

import dev.switchboard.gateway.ApiKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** API keys; revoked keys are never answered. */
@ApplicationScoped
@WithSession
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    /** The unrevoked keys whose secret starts with the prefix (almost always one or none). */
    public Uni<List<ApiKey>> activeByPrefix(String lookupPrefix) {
        return list("lookupPrefix = ?1 and revokedAt is null", lookupPrefix);
    }

    /**
     * The unrevoked keys a user sees, oldest first: an admin every key of the org, a member their own personal
     * keys.
     */
    public Uni<List<ApiKey>> visibleTo(String orgId, String userId, boolean admin) {
        return admin
                ? list("orgId = ?1 and revokedAt is null", Sort.ascending("createdAt", "id"), orgId)
                : list(
                        "orgId = ?1 and revokedAt is null and kind = ?2 and userId = ?3",
                        Sort.ascending("createdAt", "id"),
                        orgId,
                        ApiKey.PERSONAL,
                        userId);
    }

    public Uni<ApiKey> activeInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2 and revokedAt is null", orgId, id).firstResult();
    }

    /** Records a use, at most once a minute per key (a write per request would be wasted). */
    public Uni<Integer> touch(UUID id, Instant now) {
        return update(
                "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                now,
                id,
                now.minusSeconds(60));
    }
}
