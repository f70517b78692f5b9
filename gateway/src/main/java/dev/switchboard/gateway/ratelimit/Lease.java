package dev.switchboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;

/**
 * This replica's view of one shared counter: the units it leased in the current window and has not used yet
 * ({@code available}; dropped when the window ends), and the counts of the window and the previous one as the
 * database last answered them (every replica's leases included). Requests take units from {@code available}
 * without touching the database; when it runs short, one refill at a time asks for another block.
 */
final class Lease {

    enum Take {
        TAKEN,
        SHORT,
        EXHAUSTED
    }

    final String bucket;
    final Rate rate;

    private long available;
    private long window = Long.MIN_VALUE / 2;
    private long previous;
    private long current;
    private long refusedUntilMicros;
    private long lastUseMicros;
    private Uni<Void> refill;

    Lease(String bucket, Rate rate) {
        this.bucket = bucket;
        this.rate = rate;
    }

    synchronized Take take(long cost, long now) {
        lastUseMicros = now;
        if (available >= cost && rate.window(now) == window) {
            available -= cost;
            return Take.TAKEN;
        }
        return knownShort(cost, now) ? Take.EXHAUSTED : Take.SHORT;
    }

    /**
     * Whether the database would grant too little: it said so and the window has not slid far enough since, or
     * the counts it last gave already leave too little (they only grow: what they leave is an upper bound).
     */
    private boolean knownShort(long cost, long now) {
        return now < refusedUntilMicros || rate.quota() < cost || remaining(now) < cost;
    }

    synchronized void giveBack(long cost) {
        available += cost;
    }

    /** Units a request could use now as far as this replica can tell: its own plus what the window allows. */
    synchronized long remaining(long now) {
        long k = rate.window(now);
        long mine = k == window ? available : 0;
        return Math.max(0, Math.min(rate.quota(), rate.cap(previousIn(k), now) - currentIn(k) + mine));
    }

    /** Microseconds until nothing counts against the quota any more (if nothing else is sent). */
    synchronized long untilFull(long now) {
        long k = rate.window(now);
        if (currentIn(k) > 0) {
            return (k + 2) * rate.windowMicros() - now;
        }
        return previousIn(k) > 0 ? (k + 1) * rate.windowMicros() - now : 0;
    }

    /** Microseconds until a request of this cost could be served (0: now; at most two windows). */
    synchronized long untilServable(long cost, long now) {
        long k = rate.window(now);
        long missing = cost - (k == window ? available : 0);
        if (missing <= 0) {
            return 0;
        }
        long end = (k + 1) * rate.windowMicros();
        long prev = previousIn(k);
        long room = rate.quota() - currentIn(k) - missing;
        if (room >= 0) {
            // the previous window's weight falls until prev * left / window <= room
            return prev == 0 ? 0 : Math.max(0, end - room * rate.windowMicros() / prev - now);
        }
        // next window: this window's units weigh as the previous ones, and leased units are dropped
        long next = currentIn(k);
        long nextRoom = rate.quota() - cost;
        if (nextRoom < 0) {
            return 2 * rate.windowMicros();
        }
        return next == 0
                ? end - now
                : Math.max(end - now, end + rate.windowMicros() - nextRoom * rate.windowMicros() / next - now);
    }

    /** Whether a request of this cost would be refused without asking the database. */
    synchronized boolean refuses(long cost, long now) {
        return (available < cost || rate.window(now) != window) && knownShort(cost, now);
    }

    /** The refill already under way, or null after making {@code next} this lease's refill. */
    synchronized Uni<Void> refillOr(Uni<Void> next) {
        if (refill != null) {
            return refill;
        }
        refill = next;
        return null;
    }

    /** The database granted {@code granted} of {@code asked} units at {@code now}, and counts as it says. */
    synchronized void granted(long asked, long granted, CounterStore.Grant counts, long now) {
        if (counts.window() != window) {
            available = 0;
        }
        if (counts.window() >= window) {
            window = counts.window();
            previous = counts.previous();
            current = counts.current();
        }
        available += granted;
        // short of units: ask again only once the window allows one more
        refusedUntilMicros = granted < asked ? now + untilServable(available + 1, now) : 0;
        refill = null;
    }

    /** Nothing was granted and nothing is known: ask again at once. */
    synchronized void retry() {
        refill = null;
    }

    /**
     * The database could not be asked: grant from this replica's own view, so that one replica alone never
     * exceeds the quota (several replicas may, together, until the database answers again).
     */
    synchronized void grantedLocally(long asked, long now) {
        long k = rate.window(now);
        long prev = previousIn(k);
        long cur = currentIn(k);
        long granted = Math.max(0, Math.min(asked, rate.cap(prev, now) - cur));
        granted(asked, granted, new CounterStore.Grant(granted, k, prev, cur + granted), now);
    }

    /** Both of its windows have ended and nobody used it for a window: nothing left to remember. */
    synchronized boolean idle(long now) {
        return refill == null && rate.window(now) > window + 1 && now - lastUseMicros > rate.windowMicros();
    }

    private long previousIn(long k) {
        if (k == window) {
            return previous;
        }
        return k == window + 1 ? current : 0;
    }

    private long currentIn(long k) {
        return k == window ? current : 0;
    }
}
