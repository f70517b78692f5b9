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
