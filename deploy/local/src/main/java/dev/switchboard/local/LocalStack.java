package dev.switchboard.local;

import dev.switchboard.local.infra.KafkaBroker;
import dev.switchboard.local.infra.Ports;
import dev.switchboard.local.infra.PostgresServer;
import dev.switchboard.local.infra.RsaKeys;
import dev.switchboard.local.infra.SecretsKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, the four services as separate processes and
 * the demo organisation. {@code ./switchboard up} and the end-to-end test both start it through here.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> TOPICS = List.of("agent-events", "thread-events", "run-events");
    public static final String USER_ISSUER = "https://switchboard.local";

    private final StackSettings settings;
    private final PrintStream out;
    private final List<ServiceProcess> services = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private DemoSeed.Result demo;

    public LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public StackSettings settings() {
        return settings;
    }

    /** The dev token of the demo user, an admin (valid 24 h from this start), also written to {@code <home>/dev-token}. */
    public String devToken() {
        return demo.token();
    }

    /** The token of a member of the demo organisation, also written to {@code <home>/member-token}. */
    public String memberToken() {
        return demo.memberToken();
    }

    public synchronized void start() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(settings.home());
        StaleProcesses.stop(settings.home().resolve("pids"), out);
        checkPortsFree();

        postgres = step(
                "PostgreSQL",
                () -> settings.externalDbUrl() != null
                        ? PostgresServer.external(settings.externalDbUrl())
                        : PostgresServer.embedded(
                                settings.home().resolve("postgres"),
                                settings.postgresPort(),
                                settings.postgresSharedBuffers()));
        for (String db : List.of("agents", "threads", "runs", "gateway")) {
            postgres.ensureDatabase(db);
        }
        kafka = step(
                "Kafka",
                () -> settings.externalKafka() != null
                        ? KafkaBroker.external(settings.externalKafka())
                        : KafkaBroker.embedded(
                                settings.home().resolve("kafka"),
                                settings.kafkaPort(),
                                settings.kafkaControllerPort()));
        kafka.ensureTopics(TOPICS, 6);

        RsaKeys userKeys = RsaKeys.ensure(settings.home().resolve("keys"), "user");
        RsaKeys internalKeys = RsaKeys.ensure(settings.home().resolve("keys"), "internal");
        String secretsKey = SecretsKey.ensure(settings.home().resolve("keys"));
        startServices(userKeys, internalKeys, secretsKey);

        demo = DemoSeed.ensure(settings, userKeys, out);
        out.printf(
                "All up in %.1f s. Logs in %s%n",
                (System.nanoTime() - started) / 1e9, settings.home().resolve("logs"));
    }

    private void startServices(RsaKeys userKeys, RsaKeys internalKeys, String secretsKey) throws Exception {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        common.put("quarkus.datasource.username", postgres.user());
        common.put("quarkus.datasource.password", postgres.password());
        common.put("quarkus.rest-client.agent-service.url", "http://127.0.0.1:" + settings.agentPort());
        common.put("quarkus.rest-client.thread-service.url", "http://127.0.0.1:" + settings.threadPort());
        common.put("quarkus.rest-client.run-service.url", "http://127.0.0.1:" + settings.runPort());

        List<ServiceProcess> starting = new ArrayList<>();
        // agent-service's key for MCP header values, in its environment (never on a command line)
        starting.add(service(
                "agent-service",
                settings.agentPort(),
                settings.agentManagementPort(),
                "agents",
                internalKeys,
                common,
                Map.of(SecretsKey.VARIABLE, secretsKey)));
        starting.add(service(
                "thread-service",
                settings.threadPort(),
                settings.threadManagementPort(),
                "threads",
                internalKeys,
                common,
                Map.of()));
        starting.add(service(
                "run-service",
                settings.runPort(),
                settings.runManagementPort(),
                "runs",
                internalKeys,
                common,
                Map.of()));
        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("mp.jwt.verify.publickey.location", userKeys.publicKey().toString());
        gateway.put("mp.jwt.verify.issuer", USER_ISSUER);
        gateway.put("smallrye.jwt.sign.key.location", internalKeys.privateKey().toString());
        // the gateway's own database: API keys
        gateway.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("gateway"));
        gateway.put("quarkus.datasource.reactive.url", postgres.reactiveUrl("gateway"));
        starting.add(launch("gateway", settings.gatewayPort(), settings.gatewayManagementPort(), gateway, Map.of()));
        services.addAll(starting);
        writePids();

        long t0 = System.nanoTime();
        out.println("Starting agent-service, thread-service, run-service and gateway ...");
        ExecutorService waiters = Executors.newFixedThreadPool(starting.size());
        try {
            List<Future<String>> ready = new ArrayList<>();
            for (ServiceProcess service : starting) {
                ready.add(waiters.submit(() -> {
                    service.awaitReady(Duration.ofSeconds(180));
                    out.printf(
                            "  %-15s ready (pid %d) after %.1f s%n",
                            service.name(), service.pid(), (System.nanoTime() - t0) / 1e9);
                    return service.name();
                }));
            }
            for (Future<String> f : ready) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw (e.getCause() instanceof Exception ex) ? ex : e;
                }
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    private ServiceProcess service(
            String name,
            int port,
            int managementPort,
            String database,
            RsaKeys internalKeys,
            Map<String, String> common,
            Map<String, String> environment)
            throws IOException {
        Map<String, String> config = new LinkedHashMap<>(common);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("mp.jwt.verify.publickey.location", internalKeys.publicKey().toString());
        return launch(name, port, managementPort, config, environment);
    }

    /**
     * Starts the service on its port, with health, metrics and OpenAPI on its management port; {@code environment}
     * adds to the variables every service gets.
     */
    private ServiceProcess launch(
            String name, int port, int managementPort, Map<String, String> config, Map<String, String> environment)
            throws IOException {
        Map<String, String> ports = new LinkedHashMap<>(config);
        ports.put("quarkus.http.port", String.valueOf(port));
        ports.put("quarkus.management.port", String.valueOf(managementPort));
        Map<String, String> env = new LinkedHashMap<>(settings.serviceEnvironment());
        env.putAll(environment);
        Path jar = settings.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(
                name,
                jar,
                managementPort,
                settings.serviceJavaOptions(),
                ports,
                env,
                settings.home().resolve("logs"));
    }

    private void checkPortsFree() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway (SWITCHBOARD_GATEWAY_PORT)", settings.gatewayPort());
        ports.put("agent-service (SWITCHBOARD_AGENT_PORT)", settings.agentPort());
        ports.put("thread-service (SWITCHBOARD_THREAD_PORT)", settings.threadPort());
        ports.put("run-service (SWITCHBOARD_RUN_PORT)", settings.runPort());
        ports.put("gateway management (SWITCHBOARD_GATEWAY_MANAGEMENT_PORT)", settings.gatewayManagementPort());
        ports.put("agent-service management (SWITCHBOARD_AGENT_MANAGEMENT_PORT)", settings.agentManagementPort());
        ports.put("thread-service management (SWITCHBOARD_THREAD_MANAGEMENT_PORT)", settings.threadManagementPort());
        ports.put("run-service management (SWITCHBOARD_RUN_MANAGEMENT_PORT)", settings.runManagementPort());
        if (settings.externalDbUrl() == null) {
            ports.put("PostgreSQL (SWITCHBOARD_PG_PORT)", settings.postgresPort());
        }
        if (settings.externalKafka() == null) {
            ports.put("Kafka (SWITCHBOARD_KAFKA_PORT)", settings.kafkaPort());
            ports.put("Kafka controller (SWITCHBOARD_KAFKA_CONTROLLER_PORT)", settings.kafkaControllerPort());
        }
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            if (Ports.inUse(e.getValue())) {
                throw new IOException("port " + e.getValue() + " for " + e.getKey() + " is already in use: "
                        + "stop what listens there (is another ./switchboard up running?) or set that variable");
            }
        }
    }

    private void writePids() throws IOException {
        StringBuilder pids = new StringBuilder();
        for (ServiceProcess s : services) {
            pids.append(s.pid()).append(' ').append(s.name()).append('\n');
        }
        Files.writeString(settings.home().resolve("pids"), pids);
    }

    private <T> T step(String what, ThrowingSupplier<T> action) throws Exception {
        long t0 = System.nanoTime();
        T result = action.get();
        out.printf("%s ready: %s (%.1f s)%n", what, result, (System.nanoTime() - t0) / 1e9);
        return result;
    }

    @Override
    public synchronized void close() {
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess s : services) {
            Thread t = new Thread(() -> s.stop(Duration.ofSeconds(20)), "stop-" + s.name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        try {
            Files.deleteIfExists(settings.home().resolve("pids"));
        } catch (IOException ignored) {
            // nothing left to stop
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                out.println("stopping PostgreSQL failed: " + e.getMessage());
            }
            postgres = null;
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
