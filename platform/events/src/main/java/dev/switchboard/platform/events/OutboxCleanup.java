package dev.switchboard.platform.events;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes published outbox rows older than {@code switchboard.outbox.retention} (8 days), every 10 minutes, in
 * batches of {@code switchboard.outbox.cleanup-batch-size}. Unpublished rows are never deleted. The oldest rows have
 * the lowest ids, so each batch is found walking the primary key from its start.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxConfig.ENABLED, stringValue = "true")
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    private static final String DELETE_BATCH = """
            delete from outbox_events where id in (
                select id from outbox_events
                where published_at is not null and published_at < $1
                order by id
                limit $2)""";

    private final Pool pool;
    private final OutboxConfig config;

    OutboxCleanup(Pool pool, OutboxConfig config) {
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

    /** Deletes what is past retention; answers how many rows. */
    public Uni<Long> run() {
        return BatchedDelete.until(pool, DELETE_BATCH, config.retention(), config.cleanupBatchSize())
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d published outbox rows older than %s", deleted, config.retention());
                    }
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("outbox cleanup failed, will retry at its next run: %s", failure.toString());
                    return 0L;
                });
    }
}
