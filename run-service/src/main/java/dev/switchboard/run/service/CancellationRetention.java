package dev.switchboard.run.service;

import dev.switchboard.run.config.RunsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes cancels requested for run ids that no run of the organisation took within
 * {@code switchboard.runs.cancellation-retention} (1 hour by default), every 10 minutes. A run started with the id
 * uses its cancel up at once ({@link RunLedger#begin}).
 */
@ApplicationScoped
public class CancellationRetention {

    private static final Logger LOG = Logger.getLogger(CancellationRetention.class);

    private final RunLedger ledger;
    private final Duration retention;

    public CancellationRetention(RunLedger ledger, RunsConfig config) {
        this.ledger = ledger;
        this.retention = config.cancellationRetention();
    }

    @Scheduled(every = "10m", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return sweep(Instant.now())
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d cancels of run ids that no run took within %s", deleted, retention);
                    }
                })
                .replaceWithVoid();
    }

    /** Deletes the cancels requested before {@code now} minus the retention; how many went. */
    public Uni<Integer> sweep(Instant now) {
        return ledger.deleteCancellationsBefore(now.minus(retention));
    }
}
