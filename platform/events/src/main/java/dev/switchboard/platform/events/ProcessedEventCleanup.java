package dev.switchboard.platform.events;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes processed event ids older than {@code switchboard.events.processed-retention} (8 days), every 10 minutes
 * ({@link EventsRetention}), in batches of {@code switchboard.events.cleanup-batch-size}. Only in services that set
 * {@value EventsConfig#IDEMPOTENT_CONSUMER}{@code =true}.
 */
@ApplicationScoped
@IfBuildProperty(name = EventsConfig.IDEMPOTENT_CONSUMER, stringValue = "true")
public class ProcessedEventCleanup implements RetentionCleanup {

    private static final String DELETE_BATCH = """
            delete from processed_events where ctid in (
                select ctid from processed_events
                where processed_at < $1
                limit $2)""";

    private final BatchedDelete delete;

    ProcessedEventCleanup(Pool pool, EventsConfig config) {
        this.delete = new BatchedDelete(
                pool,
                "processed event ids",
                DELETE_BATCH,
                config.processedRetention(),
                config.cleanupBatchSize(),
                ProcessedEventCleanup.class);
    }

    /** Deletes what is past retention; answers how many ids. */
    @Override
    public Uni<Long> run() {
        return delete.run();
    }
}
