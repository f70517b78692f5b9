package dev.switchboard.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settings of the gateway ({@code switchboard.gateway.*}). */
@ConfigMapping(prefix = "switchboard.gateway")
public interface GatewayConfig {

    InternalToken internalToken();

    Timeouts timeouts();

    Roles roles();

    /** How an end-user JWT names the caller's role in its organisation. */
    interface Roles {

        /** The value of the JWT's {@code groups} claim that makes the caller an admin of its organisation. */
        @WithDefault("admin")
        String adminGroup();
    }

    /** The JWT the gateway signs for every call it forwards to a service. */
    interface InternalToken {

        /** The issuer services verify ({@code mp.jwt.verify.issuer} of each service). */
        @WithDefault("switchboard-gateway")
        String issuer();

        /** How long a signed token is valid. */
        @WithDefault("300s")
        Duration lifetime();

        /** How long one signed token is reused for the same user and org (well inside its lifetime). */
        @WithDefault("60s")
        Duration reuseFor();
    }

    /** How long the gateway waits for a service's answer before it answers 503. */
    interface Timeouts {

        /** agent-service and thread-service calls. */
        @WithDefault("10s")
        Duration call();

        /** run-service calls, which wait for the run to complete. */
        @WithDefault("120s")
        Duration run();

        /**
         * A file upload or download streamed through to thread-service fails when its connection moves no byte
         * either way for this long (a client that stops sending or reading, a thread-service that hangs).
         */
        @WithDefault("60s")
        Duration fileIdle();
    }
}
