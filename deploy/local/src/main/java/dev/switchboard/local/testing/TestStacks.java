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
 * a fresh temporary directory, every port free, plus whatever {@code extra} variables the caller sets.
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
        List<Integer> free = Ports.free(PORTS.size());
        for (int i = 0; i < PORTS.size(); i++) {
            env.put(PORTS.get(i), String.valueOf(free.get(i)));
        }
        env.putAll(extra);
        return StackSettings.fromEnvironment(root, env);
    }
}
