package dev.switchboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;

/**
 * This replica's view of one shared bucket: the units it leased and has not used yet ({@code available}), and
 * the bucket's theoretical arrival time as the database last answered it ({@code tat}, every replica's leases
 * included). Requests take units from {@code available} without touching the database; when it runs short, one
 * refill at a time asks for another block. A leased unit is served within one window of its lease or dropped.
 */
final class Lease {

    enum Take { TAKEN, SHORT, EXHAUSTED }

    final String bucket;
    final Rate rate;

    private long available;
    private long leasedAtMicros;
    private long tatMicros;
    private long refusedUntilMicros;
    private long lastUseMicros;
    private Uni<Void> refill;

    Lease(String bucket, Rate rate) {
        this.bucket = bucket;
        this.rate = rate;
    }

    synchronized Take take(long cost, long now) {
        lastUseMicros = now;
        if (available > 0 && now - leasedAtMicros >= rate.windowMicros()) {
            available = 0;
        }
        if (available >= cost) {
            available -= cost;
            return Take.TAKEN;
        }
        return now < refusedUntilMicros || rate.quota() < cost ? Take.EXHAUSTED : Take.SHORT;
    }

    synchronized void giveBack(long cost) {
        available += cost;
    }

    /** Units a request could use now as far as this replica can tell: its own plus what the bucket holds. */
    synchronized long remaining(long now) {
        return Math.min(rate.quota(), available + rate.freeAt(tatMicros, now));
    }

    /** Microseconds until the bucket is full again (all of {@code q} free). */
    synchronized long untilFull(long now) {
        return Math.max(0, tatMicros - now);
    }

    /** Microseconds until a request of this cost could be served (0: now). */
    synchronized long untilServable(long cost, long now) {
        long missing = cost - available;
        if (missing <= 0) {
            return 0;
        }
        // the bucket frees `missing` units once tat - window + refill(missing) has passed
        return Math.max(0, tatMicros - rate.windowMicros() + rate.refillMicros(missing) - now);
    }

    /** Whether a request of this cost would be refused without asking the database. */
    synchronized boolean refuses(long cost, long now) {
        return available < cost && now < refusedUntilMicros;
    }

    /** The refill already under way, or null after making {@code next} this lease's refill. */
    synchronized Uni<Void> refillOr(Uni<Void> next) {
        if (refill != null) {
            return refill;
        }
        refill = next;
        return null;
    }

    /** The database granted {@code granted} of {@code asked} units at {@code now}; the bucket's tat became {@code tat}. */
    synchronized void granted(long asked, long granted, long tat, long now) {
        available += granted;
        leasedAtMicros = now;
        tatMicros = Math.max(tatMicros, tat);
        // short of units: ask again only once the bucket has freed one
        refusedUntilMicros = granted < asked ? now + untilServable(available + 1, now) : 0;
        refill = null;
    }

    /** The bucket was being created by another replica: nothing granted, ask again at once. */
    synchronized void retry() {
        refill = null;
    }

    /**
     * The database could not be asked: grant from this replica's own view, so that one replica alone never
     * exceeds the rate (several replicas may, together, until the database answers again).
     */
    synchronized void grantedLocally(long asked, long now) {
        long granted = Math.min(asked, rate.freeAt(tatMicros, now));
        granted(asked, granted, Math.max(tatMicros, now) + rate.refillMicros(granted), now);
    }

    /** Full again and unused for a window: nothing left to remember (leased units expire within a window). */
    synchronized boolean idle(long now) {
        return refill == null && tatMicros <= now && now - lastUseMicros > rate.windowMicros();
    }
}
