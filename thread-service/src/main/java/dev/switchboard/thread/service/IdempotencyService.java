package dev.switchboard.thread.service;

import dev.switchboard.platform.web.Timestamps;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.IdempotencyRecord;
import dev.switchboard.thread.config.IdempotencyConfig;
import dev.switchboard.thread.repository.IdempotencyRepository;
import dev.switchboard.thread.rest.ClaimKeyResponse;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code Idempotency-Key}s of a caller (org + user). A request claims its key before it does anything; the
 * claim is an insert that at most one of several concurrent requests wins. The winner completes the key with
 * its answer (replayed to every later request with the same key and hash) or releases it when it failed.
 */
@ApplicationScoped
public class IdempotencyService {

    private final IdempotencyRepository keys;
    private final IdempotencyConfig config;

    IdempotencyService(IdempotencyRepository keys, IdempotencyConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @WithTransaction
    public Uni<ClaimKeyResponse> claim(String orgId, String userId, String key, String requestHash) {
        Instant now = Timestamps.now();
        Instant expiredBefore = now.minus(config.retention());
        UUID claimId = UUID.randomUUID();
        return keys.sweep(expiredBefore, config.sweepBatch())
                .chain(() -> keys.deleteStale(orgId, userId, key, expiredBefore, now.minus(config.abandonedAfter())))
                .chain(() -> keys.claim(orgId, userId, key, claimId, requestHash, now))
                .chain(claimed -> claimed
                        ? Uni.createFrom().item(ClaimKeyResponse.claimed(claimId))
                        : keys.current(orgId, userId, key).map(existing -> found(existing, requestHash)));
    }

    @WithTransaction
    public Uni<Void> complete(String orgId, String userId, UUID claimId, int status, String body) {
        return keys.complete(orgId, userId, claimId, status, body, Timestamps.now())
                .invoke(done -> {
                    if (!done) {
                        throw ApiException.notFound("claim " + claimId + " is not held");
                    }
                })
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> release(String orgId, String userId, UUID claimId) {
        return keys.release(orgId, userId, claimId).replaceWithVoid();
    }

    private static ClaimKeyResponse found(IdempotencyRecord existing, String requestHash) {
        if (existing == null) {
            // the record that blocked the insert was released in between: the client may simply retry
            return ClaimKeyResponse.inProgress();
        }
        // while the first request runs, any reuse of its key waits for it (409), whatever the request
        if (!IdempotencyRecord.COMPLETED.equals(existing.state)) {
            return ClaimKeyResponse.inProgress();
        }
        if (!existing.requestHash.equals(requestHash)) {
            return ClaimKeyResponse.mismatch();
        }
        return ClaimKeyResponse.replay(existing.responseStatus, existing.responseBody);
    }
}
