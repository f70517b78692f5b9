package dev.switchboard.local.testing;

import dev.switchboard.local.infra.KafkaBroker;
import dev.switchboard.local.infra.Ports;
import dev.switchboard.local.infra.PostgresServer;
import dev.switchboard.local.infra.RsaKeys;
import dev.switchboard.local.infra.SecretsKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL, one embedded Kafka broker and one test key pair per JVM, shared by every
 * test in it. {@code SWITCHBOARD_DB_URL} / {@code KAFKA_BOOTSTRAP_SERVERS} point tests at existing
 * servers instead. The addresses are kept in system properties, so a second class loader (Quarkus
 * makes one per test profile) finds the servers the first one started.
 */
public final class TestInfrastructure {

    public static final List<String> TOPICS = List.of("agent-events", "thread-events", "run-events");

    static final String PG_URL = "switchboard.testing.pg-url";
    static final String KAFKA = "switchboard.testing.kafka";
    static final String KEYS = "switchboard.testing.keys";
    static final String SECRETS_KEY = "switchboard.testing.secrets-key";

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private TestInfrastructure() {}

    public static synchronized PostgresServer postgres() {
        ensureStarted();
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        ensureStarted();
        return System.getProperty(KAFKA);
    }

    /** The key pair test tokens are signed with and services verify against. */
    public static synchronized RsaKeys keys() {
        ensureStarted();
        Path dir = Path.of(System.getProperty(KEYS));
        return new RsaKeys(dir.resolve("test-private.pem"), dir.resolve("test-public.pem"));
    }

    /**
     * The key agent-service seals MCP header values with in tests (base64, 32 bytes): one per JVM, made at first
     * use and kept in a system property so that every class loader sees the same.
     */
    public static synchronized String secretsKey() {
        String key = System.getProperty(SECRETS_KEY);
        if (key == null) {
            key = SecretsKey.generate();
            System.setProperty(SECRETS_KEY, key);
        }
        return key;
    }

    private static void ensureStarted() {
        if (postgres != null) {
            return;
        }
        if (System.getProperty(PG_URL) != null) {
            postgres = PostgresServer.external(System.getProperty(PG_URL));
            return;
        }
        try {
            Path root = Files.createTempDirectory("switchboard-test-");
            long started = System.nanoTime();
            String dbUrl = System.getenv("SWITCHBOARD_DB_URL");
            if (dbUrl != null && !dbUrl.isBlank()) {
                postgres = PostgresServer.external(dbUrl);
                System.setProperty(PG_URL, dbUrl);
            } else {
                int port = Ports.free();
                postgres = PostgresServer.embedded(root.resolve("pg"), port);
                System.setProperty(PG_URL, "postgresql://postgres:postgres@127.0.0.1:" + port + "/postgres");
            }
            String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap != null && !bootstrap.isBlank()) {
                kafka = KafkaBroker.external(bootstrap);
            } else {
                List<Integer> ports = Ports.free(2);
                kafka = KafkaBroker.embedded(root.resolve("kafka"), ports.get(0), ports.get(1));
            }
            kafka.ensureTopics(TOPICS, 6);
            System.setProperty(KAFKA, kafka.bootstrapServers());
            RsaKeys.ensure(root.resolve("keys"), "test");
            System.setProperty(KEYS, root.resolve("keys").toString());
            System.out.printf(
                    "switchboard-testing: %s and %s ready in %d ms%n",
                    postgres, kafka, (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root), "switchboard-testing-stop"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start the test PostgreSQL and Kafka: " + e.getMessage(), e);
        }
    }

    private static void stop(Path root) {
        try {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (Exception e) {
            System.err.println("switchboard-testing: stopping test servers failed: " + e);
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
