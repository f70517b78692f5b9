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

    /** How many unpublished events one relay pass publishes at most. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge one event before it leaves it for a later pass. */
    @WithDefault("15s")
    Duration ackTimeout();
}
