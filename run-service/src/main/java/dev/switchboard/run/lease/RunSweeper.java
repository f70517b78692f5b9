package dev.switchboard.run.lease;

import dev.switchboard.run.RunKey;
import dev.switchboard.run.config.RunsConfig;
import dev.switchboard.run.service.RunTakeovers;
import dev.switchboard.run.stream.RunExecutions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * On every replica, every {@code switchboard.runs.sweep-interval}: finds the runs whose lease ran out (their replica
 * stopped heartbeating them for {@code switchboard.runs.lease-timeout}) and takes each over ({@link RunTakeovers}),
 * one at a time. A replica that is shutting down takes none.
 */
@ApplicationScoped
public class RunSweeper {

    private static final Logger LOG = Logger.getLogger(RunSweeper.class);
    private static final int BATCH = 50;

    private final RunLeases leases;
    private final RunTakeovers takeovers;
    private final RunExecutions executions;
    private final RunReplica replica;
    private final Duration leaseTimeout;

    public RunSweeper(
            RunLeases leases, RunTakeovers takeovers, RunExecutions executions, RunReplica replica, RunsConfig config) {
        this.leases = leases;
        this.takeovers = takeovers;
        this.executions = executions;
        this.replica = replica;
        this.leaseTimeout = config.leaseTimeout();
    }

    @Scheduled(
            every = "${switchboard.runs.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid();
    }

    /** Takes over every run whose lease ran out now; how many it took. */
    public Uni<Integer> sweep() {
        if (replica.draining()) {
            return Uni.createFrom().item(0);
        }
        Instant cutoff = Instant.now().minus(leaseTimeout);
        return leases.expired(cutoff, BATCH)
                .onItem()
                .transformToMulti(keys -> Multi.createFrom().iterable(keys))
                .onItem()
                .transformToUniAndConcatenate(key -> take(key, cutoff))
                .collect()
                .with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf(e, "could not sweep runs whose lease ran out");
                    return 0;
                });
    }

    private Uni<Integer> take(RunKey key, Instant cutoff) {
        return executions
                .onOwnContext(() -> takeovers.take(key, cutoff))
                .map(outcome -> outcome == RunTakeovers.Outcome.NOT_CLAIMED ? 0 : 1)
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf(e, "run %s: could not take it over", key.id());
                    return 0;
                });
    }
}
