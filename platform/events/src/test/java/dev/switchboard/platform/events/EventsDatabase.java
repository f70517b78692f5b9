package dev.switchboard.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The test database, over plain JDBC: outbox rows written as a producer writes them, and what the relay did. */
final class EventsDatabase {

    private EventsDatabase() {}

    static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** Inserts an unpublished row; answers its event id. */
    static UUID insert(Connection c, String topic, String key) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_events "
                + "(event_id, topic, record_key, payload, created_at) values (?, ?, ?, ?, now())")) {
            ps.setObject(1, eventId);
            ps.setString(2, topic);
            ps.setString(3, key);
            ps.setString(4, "{\"id\":\"" + eventId + "\"}");
            ps.executeUpdate();
        }
        return eventId;
    }

    static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, parameters)) {
            ps.execute();
        }
    }

    static List<Object> column(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, parameters);
                ResultSet rs = ps.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
            return values;
        }
    }

    /** The columns of the first row the query answers. */
    static List<Object> row(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, parameters);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getObject(i));
            }
            return values;
        }
    }

    static boolean published(UUID eventId) throws SQLException {
        return !column(
                        "select published_at from outbox_events where event_id = ? and published_at is not null",
                        eventId)
                .isEmpty();
    }

    static boolean publishedQuietly(UUID eventId) {
        try {
            return published(eventId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the relay's advisory lock on {@code holder}, ending the session of whoever holds it (the relay's lock
     * connection: as if its replica died); answers whether {@code holder} has it now.
     */
    static boolean takeLockFromTheRelay(Connection holder, long key) throws SQLException {
        try (PreparedStatement kill = holder.prepareStatement("""
                select pg_terminate_backend(pid) from pg_locks
                where locktype = 'advisory' and granted and pid <> pg_backend_pid()
                  and database = (select oid from pg_database where datname = current_database())
                  and classid::bigint = ? and objid::bigint = ? and objsubid = 1""")) {
            kill.setLong(1, key >>> 32);
            kill.setLong(2, key & 0xffffffffL);
            kill.executeQuery().close();
        }
        try (PreparedStatement lock = holder.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
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
