package dev.switchboard.thread.repository;

import dev.switchboard.thread.IdempotencyRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Idempotency records, always within one caller (org + user). */
@ApplicationScoped
@WithSession
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    /**
     * Claims the key for a request unless a record exists; answers whether this call inserted it. Concurrent
     * claims of one key wait for each other on the primary key, and exactly one inserts.
     */
    public Uni<Boolean> claim(String orgId, String userId, String key, UUID claimId, String requestHash, Instant now) {
        return NativeSql.update(
                        "insert into idempotency_keys (org_id, user_id, key, claim_id, request_hash, state, created_at) "
                                + "values (?1, ?2, ?3, ?4, ?5, 'processing', ?6) "
                                + "on conflict (org_id, user_id, key) do nothing",
                        orgId,
                        userId,
                        key,
                        claimId,
                        requestHash,
                        now)
                .map(rows -> rows == 1);
    }

    /** The caller's record of the key as committed now (a fresh read, not the session's cache), or null. */
    public Uni<IdempotencyRecord> current(String orgId, String userId, String key) {
        return NativeSql.list(
                        "select * from idempotency_keys where org_id = ?1 and user_id = ?2 and key = ?3",
                        IdempotencyRecord.class,
                        orgId,
                        userId,
                        key)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Frees the key if its record expired, or was claimed by a request that never finished. */
    public Uni<Integer> deleteStale(
            String orgId, String userId, String key, Instant expiredBefore, Instant abandonedBefore) {
        return delete(
                        "orgId = ?1 and userId = ?2 and key = ?3 and (createdAt < ?4 "
                                + "or (state = 'processing' and createdAt < ?5))",
                        orgId,
                        userId,
                        key,
                        expiredBefore,
                        abandonedBefore)
                .map(Long::intValue);
    }

    /** Deletes up to {@code batch} expired records of any caller. */
    public Uni<Integer> sweep(Instant expiredBefore, int batch) {
        return NativeSql.update(
                "delete from idempotency_keys where ctid = any(array("
                        + "select ctid from idempotency_keys where created_at < ?1 limit ?2 for update skip locked))",
                expiredBefore,
                batch);
    }

    /** Stores the answer of the claim; false if the claim is no longer held (it expired and was reclaimed). */
    public Uni<Boolean> complete(String orgId, String userId, UUID claimId, int status, String body, Instant now) {
        return update(
                        "state = 'completed', responseStatus = ?1, responseBody = ?2, completedAt = ?3 "
                                + "where orgId = ?4 and userId = ?5 and claimId = ?6 and state = 'processing'",
                        status,
                        body,
                        now,
                        orgId,
                        userId,
                        claimId)
                .map(rows -> rows == 1);
    }

    /** Deletes the record of a claim still processing, so that a retry can claim the key again. */
    public Uni<Boolean> release(String orgId, String userId, UUID claimId) {
        return delete("orgId = ?1 and userId = ?2 and claimId = ?3 and state = 'processing'", orgId, userId, claimId)
                .map(rows -> rows == 1);
    }
}
