package dev.switchboard.local.testing;

import dev.switchboard.local.StackSettings;
import dev.switchboard.local.infra.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of a whole local stack for an end-to-end test or a benchmark: the repository's built services, data in
 * a fresh temporary directory, every port free (those of every replica too), plus whatever {@code extra} variables
 * the caller sets ({@code SWITCHBOARD_REPLICAS=2} for two replicas of each service).
 */
public final class TestStacks {

    private static final List<String> PORTS = List.of(
            "SWITCHBOARD_GATEWAY_PORT",
            "SWITCHBOARD_AGENT_PORT",
            "SWITCHBOARD_THREAD_PORT",
            "SWITCHBOARD_RUN_PORT",
            "SWITCHBOARD_GATEWAY_MANAGEMENT_PORT",
            "SWITCHBOARD_AGENT_MANAGEMENT_PORT",
            "SWITCHBOARD_THREAD_MANAGEMENT_PORT",
            "SWITCHBOARD_RUN_MANAGEMENT_PORT",
            "SWITCHBOARD_PG_PORT",
            "SWITCHBOARD_KAFKA_PORT",
            "SWITCHBOARD_KAFKA_CONTROLLER_PORT");

    private TestStacks() {}

    /** {@code home} names the temporary data directory, e.g. {@code switchboard-e2e-stream-}. */
    public static StackSettings onFreePorts(String home, Map<String, String> extra) throws IOException {
        Path root = Path.of(System.getProperty("switchboard.root", "../../.."))
                .toAbsolutePath()
                .normalize();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SWITCHBOARD_HOME", Files.createTempDirectory(home).toString());
        env.putAll(extra);
        // with replicas (SWITCHBOARD_REPLICAS in extra), replica k of a service uses its ports + 10*k: those must be
        // free too, and the stack's settings must not clash
        for (int attempt = 1; ; attempt++) {
            List<Integer> free = Ports.free(PORTS.size());
            for (int i = 0; i < PORTS.size(); i++) {
                if (!extra.containsKey(PORTS.get(i))) {
                    env.put(PORTS.get(i), String.valueOf(free.get(i)));
                }
            }
            try {
                StackSettings settings = StackSettings.fromEnvironment(root, env);
                if (settings.servicePorts().values().stream().noneMatch(Ports::inUse) || attempt == 20) {
                    return settings;
                }
            } catch (IllegalArgumentException clash) {
                if (attempt == 20) {
                    throw clash;
                }
            }
        }
    }
}
