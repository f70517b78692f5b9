package dev.switchboard.run.lease;

import dev.switchboard.run.RunKey;
import dev.switchboard.run.RunStatus;
import dev.switchboard.run.stream.RunExecutions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The leases of runs ({@code runs.owner}, {@code runs.heartbeat_at}, {@code runs.attempts}): a run is leased to the
 * replica that records it ({@code RunLedger.begin}) or takes it over ({@link #claim}); that replica refreshes the
 * heartbeat of all the runs it executes in one statement every {@code switchboard.runs.heartbeat-interval}.
 */
@ApplicationScoped
public class RunLeases {

    private static final Logger LOG = Logger.getLogger(RunLeases.class);
    /** A released run's heartbeat: older than any lease timeout, so that a live replica takes it at once. */
    static final OffsetDateTime RELEASED = Instant.EPOCH.atOffset(ZoneOffset.UTC);

    private final Pool pool;
    private final RunExecutions executions;
    private final RunReplica replica;
    /** Runs still executing here that were handed over (drain): no longer heartbeated. */
    private final Set<RunKey> released = ConcurrentHashMap.newKeySet();

    public RunLeases(Pool pool, RunExecutions executions, RunReplica replica) {
        this.pool = pool;
        this.executions = executions;
        this.replica = replica;
    }

    /** A run taken over: how often it was started (this take-over included), its state and its caller. */
    public record Claimed(RunKey key, int attempts, RunStatus status, String authorization, UUID userMessageId) {}

    @Scheduled(
            every = "${switchboard.runs.heartbeat-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> heartbeat() {
        return heartbeat(executions.executing()).replaceWithVoid();
    }

    /** Refreshes the lease of these runs (those of them leased to this replica and still going); how many. */
    public Uni<Integer> heartbeat(Collection<RunKey> runs) {
        List<UUID> ids = new ArrayList<>();
        for (RunKey run : runs) {
            if (!released.contains(run)) {
                ids.add(run.id());
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("update runs set heartbeat_at = now() where owner = $1 and id = any($2) "
                        + "and status in ('queued', 'in_progress')")
                .execute(Tuple.of(replica.id(), ids.toArray(UUID[]::new)))
                .map(rows -> rows.rowCount())
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf(e, "could not refresh the lease of %d runs", ids.size());
                    return 0;
                });
    }

    /** Runs (oldest first, at most {@code limit}) whose lease ran out before {@code cutoff}. */
    public Uni<List<RunKey>> expired(Instant cutoff, int limit) {
        return pool.preparedQuery("select org_id, id from runs where status in ('queued', 'in_progress') "
                        + "and heartbeat_at < $1 order by created_at limit $2")
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<RunKey> keys = new ArrayList<>();
                    for (Row row : rows) {
                        keys.add(new RunKey(row.getString(0), row.getUUID(1)));
                    }
                    return keys;
                });
    }

    /**
     * Takes the run over for this replica if its lease still ran out before {@code cutoff} (atomically: of several
     * replicas sweeping at once, one gets it); null if another took it or it ended.
     */
    public Uni<Claimed> claim(RunKey run, Instant cutoff) {
        return pool.preparedQuery("update runs set owner = $3, heartbeat_at = now(), attempts = attempts + 1 "
                        + "where org_id = $1 and id = $2 and status in ('queued', 'in_progress') "
                        + "and heartbeat_at < $4 "
                        + "returning attempts, status, caller_authorization, user_message_id")
                .execute(Tuple.of(run.orgId(), run.id(), replica.id(), cutoff.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Claimed(
                            run, row.getInteger(0), RunStatus.of(row.getString(1)), row.getString(2), row.getUUID(3));
                });
    }

    /**
     * Hands these runs (executing here while the replica shuts down) over: no more heartbeats, and their lease
     * expired at once, so that the sweeper of a live replica takes them within its interval; how many.
     */
    public Uni<Integer> release(Collection<RunKey> runs) {
        if (runs.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        released.addAll(runs);
        UUID[] ids = runs.stream().map(RunKey::id).toArray(UUID[]::new);
        return pool.preparedQuery("update runs set heartbeat_at = $3 where owner = $1 and id = any($2) "
                        + "and status in ('queued', 'in_progress')")
                .execute(Tuple.of(replica.id(), ids, RELEASED))
                .map(rows -> rows.rowCount());
    }
}
