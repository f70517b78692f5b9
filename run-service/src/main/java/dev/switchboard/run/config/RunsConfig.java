package dev.switchboard.run.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every run-service setting, under {@code switchboard.runs}. */
@ConfigMapping(prefix = "switchboard.runs")
public interface RunsConfig {

    /** How many of the thread's newest messages the model sees. */
    @WithDefault("50")
    int historyWindow();

    Client client();

    Stream stream();

    /**
     * How long a cancel requested for a run id that no run of the organisation has yet waits for that run; a run
     * started with the id uses it up at once.
     */
    @WithDefault("1h")
    Duration cancellationRetention();

    /**
     * How often this replica refreshes the lease (heartbeat) of every run it executes, in one statement.
     */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /**
     * A run whose heartbeat is older than this lost its replica: another replica's sweeper takes it over (restarts
     * it once if the model had produced nothing yet, else ends it failed, {@code worker_lost}).
     */
    @WithDefault("20s")
    Duration leaseTimeout();

    /** How often every replica looks for runs whose lease timed out. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** The {@code Retry-After} of the 503 that refuses new runs while this replica shuts down. */
    @WithDefault("2s")
    Duration drainRetryAfter();

    /** The stored events of streamed runs. */
    interface Stream {

        /** How long a run's events stay replayable after they were written (at least a day). */
        @WithDefault("7d")
        Duration retention();
    }

    /** Calls to agent-service and thread-service. */
    interface Client {

        /** How long one call may take before the run gives up on it. */
        @WithDefault("10s")
        Duration timeout();

        /** Retries of an idempotent call whose connection failed. */
        @WithDefault("2")
        int retries();

        /** The first pause before such a retry; it doubles each time. */
        @WithDefault("200ms")
        Duration retryBackoff();
    }
}
