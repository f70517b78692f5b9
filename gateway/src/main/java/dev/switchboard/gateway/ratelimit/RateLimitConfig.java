package dev.switchboard.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Rate limits of the gateway ({@code switchboard.gateway.rate-limits.*}): requests and runs started per caller
 * (API key, or user of a JWT) and per organisation, failed authentications per client address, and per-org
 * overrides: {@code switchboard.gateway.rate-limits.orgs."<org id>".runs.per-caller=10/1m}. A rate
 * {@code q/w} allows {@code q} units in any {@code w} (a sliding window, see {@link Rate}).
 */
@ConfigMapping(prefix = "switchboard.gateway.rate-limits")
public interface RateLimitConfig {

    /** {@code false}: no limits, no rate-limit headers, no counters. */
    @WithDefault("true")
    boolean enabled();

    Requests requests();

    Runs runs();

    FailedAuth failedAuth();

    /** Per-organisation overrides, by org id; a value left out keeps the default above. */
    Map<String, OrgLimits> orgs();

    Lease lease();

    /** Every {@code /api} request. */
    interface Requests {

        @WithDefault("200/10s")
        @WithConverter(RateConverter.class)
        Rate perCaller();

        @WithDefault("1000/10s")
        @WithConverter(RateConverter.class)
        Rate perOrg();
    }

    /** Requests that start model runs (model spend); a team chat counts each model call it makes. */
    interface Runs {

        @WithDefault("60/60s")
        @WithConverter(RateConverter.class)
        Rate perCaller();

        @WithDefault("300/60s")
        @WithConverter(RateConverter.class)
        Rate perOrg();
    }

    /**
     * 401s of requests that presented credentials, per client address (an IPv6 address counts by its /64); once
     * they are used up, requests with credentials from the address are refused before verification.
     */
    interface FailedAuth {

        @WithDefault("30/60s")
        @WithConverter(RateConverter.class)
        Rate perAddress();
    }

    interface OrgLimits {

        RateOverrides requests();

        RateOverrides runs();
    }

    interface RateOverrides {

        @WithConverter(RateConverter.class)
        Optional<Rate> perCaller();

        @WithConverter(RateConverter.class)
        Optional<Rate> perOrg();
    }

    /** How replicas share the counters in the gateway's database. */
    interface Lease {

        /** The largest block a replica leases from a shared counter at once (quota / 20, at least 1). */
        @WithDefault("20")
        int maxBlock();

        /** How often counters whose windows have ended are deleted and forgotten. */
        @WithDefault("60s")
        Duration cleanupEvery();
    }
}
