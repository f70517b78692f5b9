package dev.switchboard.thread.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code Idempotency-Key} records ({@code switchboard.idempotency.*}). */
@ConfigMapping(prefix = "switchboard.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; older records are deleted and the key is free again. */
    @WithDefault("24h")
    Duration retention();

    /**
     * How long a key may stay claimed by a request that never finished (its gateway died); after that a retry
     * may claim it again. Longer than the gateway's run deadline.
     */
    @WithDefault("10m")
    Duration abandonedAfter();

    /** How many expired records one claim deletes on its way. */
    @WithDefault("100")
    int sweepBatch();
}
