package dev.switchboard.platform.web.replicas;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The replicas of one downstream service and which to call next: round-robin over those not skipped; a replica
 * that refused a connection (or did not accept one in time) is skipped for {@code skipFor}, then tried again. When
 * every replica is skipped, the one whose skip ends first is chosen: a call is never refused here.
 */
public final class ReplicaSet {

    private final List<URI> replicas;
    private final long skipForNanos;
    private final LongSupplier nanoClock;
    private final AtomicInteger next = new AtomicInteger();
    /** Per replica, the {@link System#nanoTime()} until which it is skipped; 0 = not skipped. */
    private final AtomicLongArray skippedUntil;

    public ReplicaSet(List<URI> replicas, Duration skipFor) {
        this(replicas, skipFor, System::nanoTime);
    }

    ReplicaSet(List<URI> replicas, Duration skipFor, LongSupplier nanoClock) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a replica set needs at least one replica");
        }
        this.replicas = List.copyOf(replicas);
        this.skipForNanos = skipFor.toNanos();
        this.nanoClock = nanoClock;
        this.skippedUntil = new AtomicLongArray(replicas.size());
    }

    public List<URI> replicas() {
        return replicas;
    }

    public int size() {
        return replicas.size();
    }

    /** The replica the next call goes to. */
    public URI next() {
        int n = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        long now = nanoClock.getAsLong();
        int soonest = start;
        for (int i = 0; i < n; i++) {
            int candidate = (start + i) % n;
            long until = skippedUntil.get(candidate);
            if (until == 0 || until - now <= 0) {
                return replicas.get(candidate);
            }
            if (until - skippedUntil.get(soonest) < 0) {
                soonest = candidate;
            }
        }
        return replicas.get(soonest);
    }

    /** The replica could not be connected to: skip it for a while. */
    public void unreachable(URI replica) {
        int index = indexOf(replica);
        if (index >= 0) {
            long until = nanoClock.getAsLong() + skipForNanos;
            skippedUntil.set(index, until == 0 ? 1 : until);
        }
    }

    /** The replica answered: call it again at once. */
    public void answered(URI replica) {
        int index = indexOf(replica);
        if (index >= 0 && skippedUntil.get(index) != 0) {
            skippedUntil.set(index, 0);
        }
    }

    /** Whether the replica is being skipped now. */
    public boolean isSkipped(URI replica) {
        int index = indexOf(replica);
        if (index < 0) {
            return false;
        }
        long until = skippedUntil.get(index);
        return until != 0 && until - nanoClock.getAsLong() > 0;
    }

    private int indexOf(URI replica) {
        for (int i = 0; i < replicas.size(); i++) {
            URI r = replicas.get(i);
            if (r.getPort() == replica.getPort()
                    && r.getHost().equalsIgnoreCase(replica.getHost())
                    && r.getScheme().equalsIgnoreCase(replica.getScheme())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return replicas.toString();
    }
}
