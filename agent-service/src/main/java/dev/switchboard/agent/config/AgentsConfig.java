package dev.switchboard.agent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The settings of agent-service ({@code switchboard.agents.*}). */
@ConfigMapping(prefix = "switchboard.agents")
public interface AgentsConfig {

    Secrets secrets();

    /** The keys MCP header values are sealed with in the database (AES-256-GCM). */
    interface Secrets {

        /** The current key: 32 bytes, base64 ({@code SWITCHBOARD_SECRETS_KEY}); every value is sealed with it. */
        Optional<String> key();

        /**
         * Earlier keys (base64, comma-separated; {@code SWITCHBOARD_SECRETS_PREVIOUS_KEYS}): values sealed with one
         * are still read, and re-sealed with the current key when the service starts.
         */
        Optional<List<String>> previousKeys();

        /**
         * Without a key, make one up for this run instead of refusing to start (dev and test only: values sealed
         * with it cannot be read after a restart).
         */
        @WithDefault("false")
        boolean generateMissingKey();
    }
}
