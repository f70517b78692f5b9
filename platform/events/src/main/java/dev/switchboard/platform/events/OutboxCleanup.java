package dev.switchboard.platform.events;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes published outbox rows older than {@code switchboard.outbox.retention} (8 days), every 10 minutes
 * ({@link EventsRetention}), in batches of {@code switchboard.outbox.cleanup-batch-size}. Unpublished rows are never
 * deleted. The oldest rows have the lowest ids, so each batch is found walking the primary key from its start.
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxConfig.ENABLED, stringValue = "true")
public class OutboxCleanup implements RetentionCleanup {

    private static final String DELETE_BATCH = """
            delete from outbox_events where id in (
                select id from outbox_events
                where published_at is not null and published_at < $1
                order by id
                limit $2)""";

    private final BatchedDelete delete;

    OutboxCleanup(Pool pool, OutboxConfig config) {
        this.delete = new BatchedDelete(
                pool,
                "published outbox rows",
                DELETE_BATCH,
                config.retention(),
                config.cleanupBatchSize(),
                OutboxCleanup.class);
    }

    /** Deletes what is past retention; answers how many rows. */
    @Override
    public Uni<Long> run() {
        return delete.run();
    }
}
