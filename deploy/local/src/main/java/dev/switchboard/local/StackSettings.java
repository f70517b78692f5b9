package dev.switchboard.local;

import dev.switchboard.local.infra.PostgresServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. Every value has a default and an
 * environment variable to change it; {@code SWITCHBOARD_DB_URL} and {@code KAFKA_BOOTSTRAP_SERVERS}
 * replace the embedded servers by existing ones.
 */
public record StackSettings(
        Path root,
        Path home,
        int gatewayPort,
        int agentPort,
        int threadPort,
        int runPort,
        int gatewayManagementPort,
        int agentManagementPort,
        int threadManagementPort,
        int runManagementPort,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        String externalDbUrl,
        String externalKafka,
        String serviceJavaOptions,
        String postgresSharedBuffers,
        Map<String, String> serviceEnvironment) {

    /** Variables handed to the services' processes as they are (model providers; keys stay off command lines). */
    public static final List<String> PASSED_TO_SERVICES = List.of(
            "SWITCHBOARD_OPENAI_BASE_URL",
            "SWITCHBOARD_OPENAI_API_KEY",
            "SWITCHBOARD_ANTHROPIC_API_KEY",
            "SWITCHBOARD_ANTHROPIC_BASE_URL",
            "SWITCHBOARD_MODEL_OVERRIDES");

    /** Every variable with this prefix is handed to the services too: the gateway's rate limits. */
    public static final String PASSED_PREFIX = "SWITCHBOARD_GATEWAY_RATE_LIMITS_";

    public static final String DEFAULT_JAVA_OPTIONS =
            "-Xms32m -Xmx160m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k";

    /** How far above its service port a service's management port (health, metrics, OpenAPI) is by default. */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;

    /** Settings from the environment, with the repository at {@code root} and data in {@code root/.switchboard}. */
    public static StackSettings fromEnvironment(Path root, Map<String, String> env) {
        String home = env.getOrDefault(
                "SWITCHBOARD_HOME", root.resolve(".switchboard").toString());
        int gateway = port(env, "SWITCHBOARD_GATEWAY_PORT", 8080);
        int agent = port(env, "SWITCHBOARD_AGENT_PORT", 8081);
        int thread = port(env, "SWITCHBOARD_THREAD_PORT", 8082);
        int run = port(env, "SWITCHBOARD_RUN_PORT", 8083);
        StackSettings settings = new StackSettings(
                root.toAbsolutePath().normalize(),
                Path.of(home).toAbsolutePath().normalize(),
                gateway,
                agent,
                thread,
                run,
                managementPort(env, "SWITCHBOARD_GATEWAY_MANAGEMENT_PORT", gateway),
                managementPort(env, "SWITCHBOARD_AGENT_MANAGEMENT_PORT", agent),
                managementPort(env, "SWITCHBOARD_THREAD_MANAGEMENT_PORT", thread),
                managementPort(env, "SWITCHBOARD_RUN_MANAGEMENT_PORT", run),
                port(env, "SWITCHBOARD_PG_PORT", 15432),
                port(env, "SWITCHBOARD_KAFKA_PORT", 19092),
                port(env, "SWITCHBOARD_KAFKA_CONTROLLER_PORT", 19093),
                blankToNull(env.get("SWITCHBOARD_DB_URL")),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                env.getOrDefault("SWITCHBOARD_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTIONS),
                env.getOrDefault("SWITCHBOARD_PG_SHARED_BUFFERS", PostgresServer.DEFAULT_SHARED_BUFFERS),
                passedToServices(env));
        settings.checkPortsDiffer();
        return settings;
    }

    /** Two parts of the stack on one port would not fail at start: the first to bind would answer for both. */
    private void checkPortsDiffer() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("SWITCHBOARD_GATEWAY_PORT", gatewayPort);
        ports.put("SWITCHBOARD_AGENT_PORT", agentPort);
        ports.put("SWITCHBOARD_THREAD_PORT", threadPort);
        ports.put("SWITCHBOARD_RUN_PORT", runPort);
        ports.put("SWITCHBOARD_GATEWAY_MANAGEMENT_PORT", gatewayManagementPort);
        ports.put("SWITCHBOARD_AGENT_MANAGEMENT_PORT", agentManagementPort);
        ports.put("SWITCHBOARD_THREAD_MANAGEMENT_PORT", threadManagementPort);
        ports.put("SWITCHBOARD_RUN_MANAGEMENT_PORT", runManagementPort);
        if (externalDbUrl == null) {
            ports.put("SWITCHBOARD_PG_PORT", postgresPort);
        }
        if (externalKafka == null) {
            ports.put("SWITCHBOARD_KAFKA_PORT", kafkaPort);
            ports.put("SWITCHBOARD_KAFKA_CONTROLLER_PORT", kafkaControllerPort);
        }
        Map<Integer, String> owners = new HashMap<>();
        ports.forEach((name, port) -> {
            String other = owners.putIfAbsent(port, name);
            if (other != null) {
                throw new IllegalArgumentException(
                        other + " and " + name + " are both " + port + ": give each a port of its own");
            }
        });
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port number (1-65535), got '" + value + "'");
        }
    }

    /** The variable's port, else the service's port + {@value #MANAGEMENT_PORT_OFFSET}. */
    private static int managementPort(Map<String, String> env, String name, int servicePort) {
        int fallback = servicePort + MANAGEMENT_PORT_OFFSET;
        if (fallback > 65535 && (env.get(name) == null || env.get(name).isBlank())) {
            throw new IllegalArgumentException(name + " must be set: the default, the service port + "
                    + MANAGEMENT_PORT_OFFSET + ", is above 65535");
        }
        return port(env, name, fallback);
    }

    private static Map<String, String> passedToServices(Map<String, String> env) {
        Map<String, String> passed = new LinkedHashMap<>();
        for (String name : PASSED_TO_SERVICES) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                passed.put(name, value.trim());
            }
        }
        env.forEach((name, value) -> {
            if (name.startsWith(PASSED_PREFIX) && value != null && !value.isBlank()) {
                passed.put(name, value.trim());
            }
        });
        return Map.copyOf(passed);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
