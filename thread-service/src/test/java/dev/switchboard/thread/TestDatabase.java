package dev.switchboard.thread;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Direct access to the test database: to give threads the activity times and sizes a test needs, and to see what
 * was stored.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    public static void setActivity(String threadId, Instant updatedAt, int messageCount, String... userIds)
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

    public static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect()) {
            execute(c, sql, parameters);
        }
    }

    /** Runs {@code sql} with triggers off: bulk rows that only the threads table needs, inserted fast. */
    public static void executeWithoutTriggers(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("set session_replication_role = replica");
            }
            execute(c, sql, parameters);
        }
    }

    /** The whole numbers of the first column of the query's rows, in order. */
    public static List<Long> numbers(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, parameters);
                ResultSet rs = ps.executeQuery()) {
            List<Long> numbers = new ArrayList<>();
            while (rs.next()) {
                numbers.add(rs.getLong(1));
            }
            return numbers;
        }
    }

    /** The one number a query answers, e.g. a {@code count(*)}. */
    public static long number(String sql, Object... parameters) throws SQLException {
        return numbers(sql, parameters).get(0);
    }

    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, parameters)) {
            ps.execute();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }
}
