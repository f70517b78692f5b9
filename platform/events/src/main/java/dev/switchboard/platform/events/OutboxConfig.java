package dev.switchboard.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay's settings ({@code switchboard.outbox.*}), the same in every producing service. */
@ConfigMapping(prefix = "switchboard.outbox")
public interface OutboxConfig {

    /**
     * Build time: a service that writes an outbox sets it to {@code true}, which creates {@link OutboxRelay} and
     * its Kafka channel {@value OutboxRelay#CHANNEL}; a service that only consumes leaves it unset.
     */
    String ENABLED = "switchboard.outbox.enabled";

    /** See {@link #ENABLED}. */
    @WithDefault("false")
    boolean enabled();

    /**
     * How many unpublished events one relay pass publishes at most, all in flight at once; keep it within the
     * emitter's buffer ({@code mp.messaging.emitter.default-buffer-size}, 128): sends beyond it fail and wait for a
     * later pass.
     */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge one event before it leaves it for a later pass. */
    @WithDefault("15s")
    Duration ackTimeout();

    /**
     * The name the relay's PostgreSQL advisory lock key is derived from ({@link OutboxRelay#lockKey}): one relay
     * per name and database at a time, whatever the number of replicas. The service's name by default.
     */
    @WithDefault("${quarkus.application.name}")
    String leaderLock();

    /**
     * How long a published row is kept before {@link OutboxCleanup} deletes it; longer than the topics' retention
     * (7 days), so a row is never gone before its record.
     */
    @WithDefault("8d")
    Duration retention();

    /** How many rows one cleanup statement deletes at most (the cleanup repeats it until none is left). */
    @WithDefault("1000")
    int cleanupBatchSize();
}
