package dev.switchboard.platform.events;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes processed event ids older than {@code switchboard.events.processed-retention} (8 days), every 10 minutes,
 * in batches of {@code switchboard.events.cleanup-batch-size}. Only in services that set
 * {@value EventsConfig#IDEMPOTENT_CONSUMER}{@code =true}.
 */
@ApplicationScoped
@IfBuildProperty(name = EventsConfig.IDEMPOTENT_CONSUMER, stringValue = "true")
public class ProcessedEventCleanup {

    private static final Logger LOG = Logger.getLogger(ProcessedEventCleanup.class);

    private static final String DELETE_BATCH = """
            delete from processed_events where ctid in (
                select ctid from processed_events
                where processed_at < $1
                limit $2)""";

    private final Pool pool;
    private final EventsConfig config;

    ProcessedEventCleanup(Pool pool, EventsConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Every 10 minutes, the first a minute after start. */
    @Scheduled(
            every = "10m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    /** Deletes what is past retention; answers how many ids. */
    public Uni<Long> run() {
        return BatchedDelete.until(pool, DELETE_BATCH, config.processedRetention(), config.cleanupBatchSize())
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d processed event ids older than %s", deleted, config.processedRetention());
                    }
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("processed event cleanup failed, will retry at its next run: %s", failure.toString());
                    return 0L;
                });
    }
}
