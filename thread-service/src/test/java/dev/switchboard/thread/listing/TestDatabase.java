package dev.switchboard.thread.listing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct access to the test database, to give threads the activity times and sizes a test needs. */
final class TestDatabase {

    private TestDatabase() {}

    static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static void setActivity(String threadId, Instant updatedAt, int messageCount, String... userIds)
            throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(
                        "update threads set updated_at = ?, message_count = ?, user_ids = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(updatedAt));
            ps.setInt(2, messageCount);
            ps.setArray(3, c.createArrayOf("text", userIds));
            ps.setString(4, threadId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no thread " + threadId);
            }
        }
    }

    static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.execute();
        }
    }

    /** Runs {@code sql} with triggers off: bulk rows that only the threads table needs, inserted fast. */
    static void executeWithoutTriggers(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("set session_replication_role = replica");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                ps.execute();
            }
        }
    }
}
