package dev.switchboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Limits shared by the gateway's replicas through a {@link CounterStore}. Each replica keeps a {@link Lease} per
 * bucket and serves requests from it in memory; a lease that runs short asks the store for another block (a
 * twentieth of the quota, at most {@code maxBlock}). Requests that run short at the same moment wait for one
 * refill, and the buckets one request needs are refilled by one statement. The store never grants more than the
 * sliding window allows, so the replicas together never serve more than the quota; the units a replica leased
 * and has not used when its window ends (under one block per replica and bucket) are lost to the others.
 */
public final class QuotaLeases {

    private static final Logger LOG = Logger.getLogger(QuotaLeases.class);
    /** A request goes round again after each refill; this many rounds always find room or the limit. */
    static final int MAX_ROUNDS = 16;

    private final CounterStore store;
    private final Clock clock;
    private final int maxBlock;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final LongAdder statements = new LongAdder();
    private final AtomicLong lastFailureLog = new AtomicLong();

    public QuotaLeases(CounterStore store, Clock clock, int maxBlock) {
        this.store = store;
        this.clock = clock;
        this.maxBlock = Math.max(1, maxBlock);
    }

    /** Takes every demand's units, or none of them if one policy has too few left. */
    public Uni<Verdict> acquire(List<Demand> demands) {
        return attempt(demands, 0);
    }

    /** Where a demand's policy stands now, without taking anything or asking the store. */
    public Usage peek(Demand demand) {
        long now = nowMicros();
        Lease lease = leases.get(demand.bucket());
        if (lease == null) {
            return new Usage(demand.policy(), demand.rate(), demand.rate().quota(), 0);
        }
        return new Usage(demand.policy(), demand.rate(), lease.remaining(now), seconds(lease.untilFull(now)));
    }

    /** Where a refused demand stands: nothing left for it, and the seconds until it could be served. */
    public Usage refusal(Demand demand) {
        long now = nowMicros();
        Lease lease = lease(demand);
        long wait = Math.min(
                seconds(lease.untilServable(demand.cost(), now)),
                2 * demand.rate().windowSeconds());
        return new Usage(demand.policy(), demand.rate(), lease.remaining(now), Math.max(1, wait));
    }

    /** Whether this replica already knows the demand would be refused. */
    public boolean refuses(Demand demand) {
        Lease lease = leases.get(demand.bucket());
        return lease != null && lease.refuses(demand.cost(), nowMicros());
    }

    /** Statements sent to the store so far. */
    public long statements() {
        return statements.sum();
    }

    /** Forgets the leases of buckets that are full again and unused for a window. */
    public void sweep() {
        long now = nowMicros();
        leases.values().removeIf(lease -> lease.idle(now));
    }

    private Uni<Verdict> attempt(List<Demand> demands, int round) {
        long now = nowMicros();
        int n = demands.size();
        List<Lease> held = new ArrayList<>(n);
        boolean[] taken = new boolean[n];
        List<Usage> refused = new ArrayList<>();
        List<Lease> shortLeases = new ArrayList<>();
        List<Long> shortCosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Demand demand = demands.get(i);
            Lease lease = lease(demand);
            held.add(lease);
            switch (lease.take(demand.cost(), now)) {
                case TAKEN -> taken[i] = true;
                case SHORT -> {
                    shortLeases.add(lease);
                    shortCosts.add(demand.cost());
                }
                case EXHAUSTED -> refused.add(refusal(demand));
            }
        }
        if (refused.isEmpty() && shortLeases.isEmpty()) {
            List<Usage> usages = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                usages.add(new Usage(
                        demands.get(i).policy(),
                        demands.get(i).rate(),
                        held.get(i).remaining(now),
                        seconds(held.get(i).untilFull(now))));
            }
            return Uni.createFrom().item(Verdict.allowed(usages));
        }
        for (int i = 0; i < n; i++) {
            if (taken[i]) {
                held.get(i).giveBack(demands.get(i).cost());
            }
        }
        if (refused.isEmpty() && round >= MAX_ROUNDS) {
            for (int i = 0; i < n; i++) {
                if (shortLeases.contains(held.get(i))) {
                    refused.add(refusal(demands.get(i)));
                }
            }
        }
        if (!refused.isEmpty()) {
            return Uni.createFrom().item(Verdict.refused(refused));
        }
        return refill(shortLeases, shortCosts, now).flatMap(done -> attempt(demands, round + 1));
    }

    /**
     * One statement for the leases not already being refilled; waits for those that are. The statement runs to
     * its end even if the request that sent it goes away, and the waiting requests go on in their own Vert.x
     * context.
     */
    private Uni<Void> refill(List<Lease> toRefill, List<Long> costs, long now) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Uni<Void> batch = Uni.createFrom().completionStage(done);
        List<CounterStore.Ask> asks = new ArrayList<>();
        List<Lease> asked = new ArrayList<>();
        List<Uni<Void>> waits = new ArrayList<>();
        for (int i = 0; i < toRefill.size(); i++) {
            Lease lease = toRefill.get(i);
            Uni<Void> running = lease.refillOr(batch);
            if (running != null) {
                waits.add(running);
            } else {
                long block = Math.max(1, Math.min(maxBlock, lease.rate.quota() / 20));
                asks.add(new CounterStore.Ask(lease.bucket, lease.rate, Math.max(block, costs.get(i)), now));
                asked.add(lease);
            }
        }
        if (!asked.isEmpty()) {
            send(asks, asked).subscribe().with(ignored -> done.complete(null), failure -> done.complete(null));
            waits.add(batch);
        }
        Uni<Void> all = Uni.join().all(waits).andCollectFailures().replaceWithVoid();
        Context context = Vertx.currentContext();
        return context == null ? all : all.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private Uni<Void> send(List<CounterStore.Ask> asks, List<Lease> asked) {
        statements.increment();
        return store.lease(asks)
                .invoke(grants -> {
                    for (int i = 0; i < asked.size(); i++) {
                        CounterStore.Grant grant = grants.get(i);
                        CounterStore.Ask ask = asks.get(i);
                        if (grant == null) {
                            asked.get(i).retry();
                        } else {
                            asked.get(i).granted(ask.ask(), grant.granted(), grant, ask.nowMicros());
                        }
                    }
                })
                .onFailure()
                .invoke(failure -> {
                    logFailure(failure);
                    for (int i = 0; i < asked.size(); i++) {
                        asked.get(i)
                                .grantedLocally(asks.get(i).ask(), asks.get(i).nowMicros());
                    }
                })
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Lease lease(Demand demand) {
        return leases.computeIfAbsent(demand.bucket(), bucket -> new Lease(bucket, demand.rate()));
    }

    private long nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static long seconds(long micros) {
        return (micros + 999_999) / 1_000_000;
    }

    private void logFailure(Throwable failure) {
        long now = clock.millis();
        long last = lastFailureLog.get();
        if (now - last >= 60_000 && lastFailureLog.compareAndSet(last, now)) {
            LOG.warnf(
                    "rate-limit counters unavailable, limiting per replica until they answer: %s", failure.toString());
        }
    }
}
