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
    private boolean kafkaStopped;
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
        Map<String, String> secrets = Map.of(
                SecretsKey.VARIABLE,
                SecretsKey.ensure(settings.home().resolve("keys")),
                SecretsKey.PAGE_TOKEN_VARIABLE,
                SecretsKey.ensure(settings.home().resolve("keys"), "page-token.key"));
        startServices(userKeys, internalKeys, secrets);

        demo = DemoSeed.ensure(settings, userKeys, out);
        out.printf(
                "All up in %.1f s. Logs in %s%n",
                (System.nanoTime() - started) / 1e9, settings.home().resolve("logs"));
    }

    private void startServices(RsaKeys userKeys, RsaKeys internalKeys, Map<String, String> secrets) throws Exception {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        common.put("quarkus.datasource.username", postgres.user());
        common.put("quarkus.datasource.password", postgres.password());
        if (postgres.isEmbedded()) {
            // the embedded server listens on 127.0.0.1 only and trusts local connections: its postgres/postgres
            // is no production credential, and the services' production check is told so
            common.put("switchboard.allow-default-db-credentials", "true");
        }
        for (String target : List.of("agent-service", "thread-service", "run-service")) {
            // the single URL, as a Kubernetes Service gives it; with replicas, the platform's client-side load
            // balancer spreads the calls over every replica's URL (platform/web README, "Replicas")
            common.put(
                    "quarkus.rest-client." + target + ".url",
                    settings.urls(target).get(0));
            if (settings.replicas() > 1) {
                common.put("switchboard.replicas." + target, String.join(",", settings.urls(target)));
            }
        }

        List<ServiceProcess> starting = new ArrayList<>();
        for (int k = 0; k < settings.replicas(); k++) {
            // agent-service's key for MCP header values, in its environment (never on a command line)
            starting.add(service(
                    "agent-service",
                    k,
                    "agents",
                    internalKeys,
                    common,
                    Map.of(),
                    Map.of(SecretsKey.VARIABLE, secrets.get(SecretsKey.VARIABLE))));
            starting.add(service(
                    "thread-service",
                    k,
                    "threads",
                    internalKeys,
                    common,
                    Map.of(),
                    Map.of(SecretsKey.PAGE_TOKEN_VARIABLE, secrets.get(SecretsKey.PAGE_TOKEN_VARIABLE))));
            // the local stack answers with the offline provider when no provider is configured, on purpose
            starting.add(service(
                    "run-service",
                    k,
                    "runs",
                    internalKeys,
                    common,
                    Map.of("switchboard.allow-offline-provider", "true"),
                    Map.of()));
            Map<String, String> gateway = new LinkedHashMap<>(common);
            gateway.put("mp.jwt.verify.publickey.location", userKeys.publicKey().toString());
            gateway.put("mp.jwt.verify.issuer", USER_ISSUER);
            gateway.put(
                    "smallrye.jwt.sign.key.location", internalKeys.privateKey().toString());
            // the gateway's own database: API keys
            gateway.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("gateway"));
            gateway.put("quarkus.datasource.reactive.url", postgres.reactiveUrl("gateway"));
            starting.add(launch("gateway", k, gateway, Map.of()));
        }
        services.addAll(starting);
        writePids();

        long t0 = System.nanoTime();
        out.println("Starting agent-service, thread-service, run-service and gateway"
                + (settings.replicas() > 1 ? " (" + settings.replicas() + " replicas of each)" : "") + " ...");
        ExecutorService waiters = Executors.newFixedThreadPool(starting.size());
        try {
            List<Future<String>> ready = new ArrayList<>();
            for (ServiceProcess service : starting) {
                ready.add(waiters.submit(() -> {
                    service.awaitReady(ServiceProcess.READY_TIMEOUT);
                    out.printf(
                            "  %-17s ready on %d (pid %d) after %.1f s%n",
                            service.id(), service.port(), service.pid(), (System.nanoTime() - t0) / 1e9);
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
            int replica,
            String database,
            RsaKeys internalKeys,
            Map<String, String> common,
            Map<String, String> own,
            Map<String, String> environment)
            throws IOException {
        Map<String, String> config = new LinkedHashMap<>(common);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("mp.jwt.verify.publickey.location", internalKeys.publicKey().toString());
        config.putAll(own);
        return launch(name, replica, config, environment);
    }

    /**
     * Starts replica {@code replica} of the service on its ports, with health, metrics and OpenAPI on its management
     * port; {@code environment} adds to the variables every service gets.
     */
    private ServiceProcess launch(String name, int replica, Map<String, String> config, Map<String, String> environment)
            throws IOException {
        int port = settings.port(name, replica);
        int managementPort = settings.managementPort(name, replica);
        Map<String, String> ports = new LinkedHashMap<>(config);
        ports.put("quarkus.http.port", String.valueOf(port));
        ports.put("quarkus.management.port", String.valueOf(managementPort));
        // the jars run in the prod profile, which listens on every interface and logs JSON: the local stack stays on
        // this machine, and its logs are read by people
        ports.put("quarkus.http.host", "127.0.0.1");
        ports.put("quarkus.management.host", "127.0.0.1");
        ports.put("quarkus.log.console.json.enabled", "false");
        Map<String, String> env = new LinkedHashMap<>(settings.serviceEnvironment());
        env.putAll(environment);
        Path jar = settings.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(
                name,
                replica,
                jar,
                port,
                managementPort,
                settings.serviceJavaOptions(),
                ports,
                env,
                settings.home().resolve("logs"),
                this::writePidsQuietly);
    }

    private void checkPortsFree() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>(settings.servicePorts());
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

    private synchronized void writePids() throws IOException {
        StringBuilder pids = new StringBuilder();
        for (ServiceProcess s : services) {
            pids.append(s.pid()).append(' ').append(s.name()).append('\n');
        }
        Files.writeString(settings.home().resolve("pids"), pids);
    }

    private void writePidsQuietly() {
        try {
            writePids();
        } catch (IOException e) {
            out.println("could not write " + settings.home().resolve("pids") + ": " + e.getMessage());
        }
    }

    /**
     * The running replicas of {@code service} ({@code agent-service}, {@code thread-service}, {@code run-service},
     * {@code gateway}), replica 0 first: a fault test kills, terminates and restarts them.
     */
    public List<ServiceProcess> replicas(String service) {
        if (!StackSettings.SERVICES.contains(service)) {
            throw new IllegalArgumentException(
                    "no service " + service + "; the services are " + StackSettings.SERVICES);
        }
        synchronized (this) {
            return services.stream().filter(s -> s.name().equals(service)).toList();
        }
    }

    /** Every running service process, replica by replica. */
    public synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /**
     * Stops the embedded Kafka broker (its data stays): producers and consumers of the services see the broker gone
     * until {@link #startKafka()}. Not possible with {@code KAFKA_BOOTSTRAP_SERVERS}.
     */
    public synchronized void stopKafka() {
        if (kafka == null || !kafka.isEmbedded()) {
            throw new IllegalStateException("only the embedded Kafka broker can be stopped by the stack");
        }
        kafka.close();
        kafkaStopped = true;
    }

    /** Starts the embedded broker again on the same ports with the same data directory. */
    public synchronized void startKafka() throws IOException {
        if (!kafkaStopped) {
            throw new IllegalStateException("Kafka is running: stopKafka() first");
        }
        kafka = KafkaBroker.embedded(
                settings.home().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        kafkaStopped = false;
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
            Thread t = new Thread(() -> s.stop(ServiceProcess.TERMINATE_GRACE), "stop-" + s.id());
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
        if (kafka != null && !kafkaStopped) {
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
