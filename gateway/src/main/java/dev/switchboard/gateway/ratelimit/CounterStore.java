package dev.switchboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * The counters every gateway replica shares: one GCRA bucket per policy and subject, from which replicas lease
 * blocks of units, never more than the bucket holds.
 */
public interface CounterStore {

    /** Ask for {@code ask} units of {@code bucket}, limited by {@code rate}, at {@code nowMicros}. */
    record Ask(String bucket, Rate rate, long ask, long nowMicros) {
    }

    /**
     * What the bucket granted (0 to {@code ask}) and its theoretical arrival time afterwards; null when the
     * bucket was created by another replica at the same moment (ask again).
     */
    record Grant(long granted, long tatMicros) {
    }

    /** One grant per ask, in the order of the asks; the asks name distinct buckets. */
    Uni<List<Grant>> lease(List<Ask> asks);

    /** Forgets buckets that are full again (nothing to remember); the number deleted. */
    Uni<Integer> deleteFull(long nowMicros);
}
