package dev.switchboard.local;

import dev.switchboard.local.infra.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Map<String, String> serviceEnvironment,
        int replicas) {

    /** The services, in the order they are started; each runs {@link #replicas()} times. */
    public static final List<String> SERVICES = List.of("agent-service", "thread-service", "run-service", "gateway");

    /** Replica k of a service listens on its port + k times this, and its management port likewise. */
    public static final int REPLICA_PORT_STEP = 10;

    /** At most this many replicas of each service ({@code SWITCHBOARD_REPLICAS}, {@code --replicas}). */
    public static final int MAX_REPLICAS = 9;

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
        return fromEnvironment(root, env, null);
    }

    /**
     * Settings from the environment; {@code replicas}, when not null (the launcher's {@code --replicas N}), wins over
     * {@code SWITCHBOARD_REPLICAS}.
     */
    public static StackSettings fromEnvironment(Path root, Map<String, String> env, String replicas) {
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
                passedToServices(env),
                replicas(replicas != null ? replicas : env.get("SWITCHBOARD_REPLICAS")));
        settings.checkPortsDiffer();
        return settings;
    }

    /** Two parts of the stack on one port would not fail at start: the first to bind would answer for both. */
    private void checkPortsDiffer() {
        Map<String, Integer> ports = new LinkedHashMap<>(servicePorts());
        if (externalDbUrl == null) {
            ports.put("SWITCHBOARD_PG_PORT", postgresPort);
        }
        if (externalKafka == null) {
            ports.put("SWITCHBOARD_KAFKA_PORT", kafkaPort);
            ports.put("SWITCHBOARD_KAFKA_CONTROLLER_PORT", kafkaControllerPort);
        }
        Map<Integer, String> owners = new HashMap<>();
        ports.forEach((name, port) -> {
            if (port > 65535) {
                throw new IllegalArgumentException(
                        name + " is " + port + ", above 65535: choose lower ports or fewer " + "replicas");
            }
            String other = owners.putIfAbsent(port, name);
            if (other != null) {
                throw new IllegalArgumentException(
                        other + " and " + name + " are both " + port + ": give each a port of its own");
            }
        });
    }

    /**
     * Every port of every replica of every service, each named by the variable that moves it (replica k > 0 as
     * {@code SWITCHBOARD_GATEWAY_PORT + 10*k}).
     */
    public Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int k = 0; k < replicas; k++) {
            String replica = k == 0 ? "" : " + " + REPLICA_PORT_STEP * k;
            for (String service : SERVICES) {
                String variable = "SWITCHBOARD_" + shortName(service) + "_PORT";
                String management = "SWITCHBOARD_" + shortName(service) + "_MANAGEMENT_PORT";
                ports.put(variable + replica, port(service, k));
                ports.put(management + replica, managementPort(service, k));
            }
        }
        return ports;
    }

    /** The port replica {@code replica} (0-based) of {@code service} listens on: its port + 10 * replica. */
    public int port(String service, int replica) {
        return basePort(service) + REPLICA_PORT_STEP * checkReplica(replica);
    }

    /** The management port (health, metrics, OpenAPI) of that replica: its management port + 10 * replica. */
    public int managementPort(String service, int replica) {
        return baseManagementPort(service) + REPLICA_PORT_STEP * checkReplica(replica);
    }

    /** The base URL of every replica of {@code service}, replica 0 first. */
    public List<String> urls(String service) {
        List<String> urls = new ArrayList<>();
        for (int k = 0; k < replicas; k++) {
            urls.add("http://127.0.0.1:" + port(service, k));
        }
        return List.copyOf(urls);
    }

    /** The first gateway's URL; with replicas, {@link #gatewayUrls()} has them all. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** Every gateway replica's URL (each serves the whole public API), replica 0 first. */
    public List<String> gatewayUrls() {
        return urls("gateway");
    }

    private int basePort(String service) {
        return switch (service) {
            case "gateway" -> gatewayPort;
            case "agent-service" -> agentPort;
            case "thread-service" -> threadPort;
            case "run-service" -> runPort;
            default -> throw new IllegalArgumentException("no service " + service + "; the services are " + SERVICES);
        };
    }

    private int baseManagementPort(String service) {
        return switch (service) {
            case "gateway" -> gatewayManagementPort;
            case "agent-service" -> agentManagementPort;
            case "thread-service" -> threadManagementPort;
            case "run-service" -> runManagementPort;
            default -> throw new IllegalArgumentException("no service " + service + "; the services are " + SERVICES);
        };
    }

    private int checkReplica(int replica) {
        if (replica < 0 || replica >= replicas) {
            throw new IllegalArgumentException("replica " + replica + " does not exist: this stack runs " + replicas);
        }
        return replica;
    }

    /** {@code gateway} → {@code GATEWAY}, {@code agent-service} → {@code AGENT}: as the port variables name them. */
    static String shortName(String service) {
        return service.replace("-service", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static int replicas(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int replicas = Integer.parseInt(value.trim());
            if (replicas < 1 || replicas > MAX_REPLICAS) {
                throw new NumberFormatException();
            }
            return replicas;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the number of replicas (SWITCHBOARD_REPLICAS, --replicas) must be 1-"
                    + MAX_REPLICAS + ", got '" + value + "'");
        }
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
