package dev.switchboard.agent.tool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The {@code agents} table of the test's database, read and written with plain SQL, as an operator would see it. */
final class AgentRows {

    record Row(long id, String toolsJson, String secretsKeyId, Instant updatedAt) {}

    private AgentRows() {}

    /** Inserts an agent as an earlier version stored it; answers its id. */
    static long insert(String org, UUID uuid, String toolsJson, String secretsKeyId, Instant at) throws SQLException {
        try (Connection db = connect();
                PreparedStatement insert = db.prepareStatement("""
                insert into agents (uuid, org_id, name, instructions, model, tools, created_at, updated_at,
                                    secrets_key_id)
                values (?, ?, 'Stored earlier', '', 'gpt-5-mini', ?::jsonb, ?, ?, ?) returning id""")) {
            insert.setObject(1, uuid);
            insert.setString(2, org);
            insert.setString(3, toolsJson);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.setTimestamp(5, Timestamp.from(at));
            insert.setString(6, secretsKeyId);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    static Row read(UUID uuid) throws SQLException {
        try (Connection db = connect();
                PreparedStatement select = db.prepareStatement(
                        "select id, tools::text, secrets_key_id, updated_at from agents where uuid = ?")) {
            select.setObject(1, uuid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no agent " + uuid);
                }
                return new Row(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getTimestamp(4).toInstant());
            }
        }
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
