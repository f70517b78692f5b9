package dev.switchboard.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the platform stores its data in: an embedded server (real binaries from
 * Maven Central, data kept in a directory across restarts) or an existing one named by a
 * {@code postgresql://user:password@host:port/db} URL.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;

    private PostgresServer(
            EmbeddedPostgres embedded, String host, int port, String user, String password, String adminDatabase) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
    }

    /** PostgreSQL's own default; a stack holding millions of threads wants more (SWITCHBOARD_PG_SHARED_BUFFERS). */
    public static final String DEFAULT_SHARED_BUFFERS = "128MB";

    /** Starts (initialising on first use) an embedded server whose data lives in {@code dataDir}. */
    public static PostgresServer embedded(Path dataDir, int port) throws IOException {
        return embedded(dataDir, port, DEFAULT_SHARED_BUFFERS);
    }

    /** Like {@link #embedded(Path, int)} with {@code shared_buffers} set, e.g. {@code 1GB}. */
    public static PostgresServer embedded(Path dataDir, int port, String sharedBuffers) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_buffers", sharedBuffers)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new PostgresServer(pg, "127.0.0.1", port, "postgres", "postgres", "postgres");
    }

    /** Uses an existing server, e.g. {@code postgresql://switchboard:secret@db.internal:5432/postgres}. */
    public static PostgresServer external(String url) {
        URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "SWITCHBOARD_DB_URL must look like " + "postgresql://user:password@host:5432/postgres, got " + url);
        }
        String user = "postgres";
        String password = "";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        String path = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        return new PostgresServer(null, uri.getHost(), port, user, password, path);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** URL in the form the Vert.x reactive PostgreSQL client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists already; safe to call on every start. */
    public void ensureDatabase(String database) throws SQLException {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password)) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, database);
                if (ps.executeQuery().next()) {
                    return;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("create database " + database);
            } catch (SQLException e) {
                // 42P04: another process created it between our check and our create
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return (embedded != null ? "embedded PostgreSQL" : "PostgreSQL") + " at " + host + ":" + port;
    }
}
