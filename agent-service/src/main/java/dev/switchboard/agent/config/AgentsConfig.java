package dev.switchboard.agent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The settings of agent-service ({@code switchboard.agents.*}). */
@ConfigMapping(prefix = "switchboard.agents")
public interface AgentsConfig {

    Outbox outbox();

    interface Outbox {

        /** How many unpublished events one relay pass publishes at most. */
        @WithDefault("100")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge one event before it retries later. */
        @WithDefault("15s")
        Duration ackTimeout();
    }
}
