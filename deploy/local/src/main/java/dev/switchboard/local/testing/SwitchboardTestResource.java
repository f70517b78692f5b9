package dev.switchboard.local.testing;

import dev.switchboard.local.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a service's {@code @QuarkusTest} a fresh database of its own on the shared test PostgreSQL,
 * the shared Kafka broker, the test key pair for JWTs and the key agent-service seals secrets with:
 * {@code @WithTestResource(SwitchboardTestResource.class)}.
 */
public class SwitchboardTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer pg = TestInfrastructure.postgres();
        String database =
                "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            pg.ensureDatabase(database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database + ": " + e.getMessage(), e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", pg.user());
        config.put("quarkus.datasource.password", pg.password());
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.put(
                "mp.jwt.verify.publickey.location",
                TestInfrastructure.keys().publicKey().toString());
        config.put(
                "smallrye.jwt.sign.key.location",
                TestInfrastructure.keys().privateKey().toString());
        // agent-service seals MCP header values with it
        config.put("switchboard.agents.secrets.key", TestInfrastructure.secretsKey());
        return config;
    }

    @Override
    public void stop() {
        // the servers are shared by every test of this JVM and stop when it exits
    }
}
