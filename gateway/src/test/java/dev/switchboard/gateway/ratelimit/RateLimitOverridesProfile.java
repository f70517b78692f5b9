package dev.switchboard.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Small limits for named orgs (one per test), a short window, 5 failed authentications per address, and
 * {@code X-Forwarded-For} trusted from 127.0.0.1 so that each test can come from an address of its own.
 */
public class RateLimitOverridesProfile implements QuarkusTestProfile {

    static final String SMALL = "org-rl-small";
    static final String RUNS = "org-rl-runs";
    static final String MESSAGES = "org-rl-messages";
    static final String TEAM = "org-rl-team";
    static final String BRIEF = "org-rl-brief";

    private static final String ORGS = "switchboard.gateway.rate-limits.orgs.\"";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"),
                Map.entry("switchboard.gateway.rate-limits.failed-auth.per-address", "5/1m"),
                Map.entry(ORGS + SMALL + "\".requests.per-caller", "5/1m"),
                Map.entry(ORGS + SMALL + "\".requests.per-org", "8/1m"),
                Map.entry(ORGS + RUNS + "\".runs.per-caller", "5/1m"),
                Map.entry(ORGS + RUNS + "\".runs.per-org", "7/1m"),
                Map.entry(ORGS + MESSAGES + "\".runs.per-caller", "3/1m"),
                Map.entry(ORGS + TEAM + "\".runs.per-caller", "5/1m"),
                Map.entry(ORGS + BRIEF + "\".requests.per-caller", "3/2s"));
    }
}
