package dev.switchboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The counters every gateway replica shares: per policy and subject, the units of the current and the previous
 * window, from which replicas lease blocks of units, never beyond what the sliding window allows.
 */
public interface CounterStore {

    /** Ask for {@code ask} units of {@code bucket}, limited by {@code rate}, at {@code nowMicros}. */
    record Ask(String bucket, Rate rate, long ask, long nowMicros) {}

    /**
     * What the bucket granted (0 to {@code ask}) and its counts afterwards: {@code window}'s units
     * ({@code current}, every replica's leases included) and the previous window's ({@code previous}). Null when
     * another replica created the bucket at the same moment (ask again).
     */
    record Grant(long granted, long window, long previous, long current) {}

    /** One grant per ask, in the order of the asks; the asks name distinct buckets. */
    Uni<List<Grant>> lease(List<Ask> asks);

    /** Forgets buckets whose two windows have both ended; the number deleted. */
    Uni<Integer> deleteStale(long nowMicros);
}
