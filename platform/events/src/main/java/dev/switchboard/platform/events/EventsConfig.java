package dev.switchboard.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** A consuming service's settings ({@code switchboard.events.*}): how long processed event ids are kept. */
@ConfigMapping(prefix = "switchboard.events")
public interface EventsConfig {

    /**
     * Build time: a service that records processed event ids ({@link ProcessedEventRepository}) sets it to
     * {@code true}, which schedules {@link ProcessedEventCleanup}.
     */
    String IDEMPOTENT_CONSUMER = "switchboard.events.idempotent-consumer";

    /** See {@link #IDEMPOTENT_CONSUMER}. */
    @WithDefault("false")
    boolean idempotentConsumer();

    /**
     * How long a processed event id is kept; longer than the topics' retention (7 days), so no redelivered record
     * can be older than the id that skips it.
     */
    @WithDefault("8d")
    Duration processedRetention();

    /** How many ids one cleanup statement deletes at most (the cleanup repeats it until none is left). */
    @WithDefault("1000")
    int cleanupBatchSize();
}
