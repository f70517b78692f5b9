package dev.switchboard.run.lease;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Leases on a short clock, so that a test sees a dead replica's runs taken over in seconds (the lease still long enough for a busy build machine). */
public class FastLeases implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.runs.heartbeat-interval", "1s",
                "switchboard.runs.lease-timeout", "10s",
                "switchboard.runs.sweep-interval", "1s");
    }
}
