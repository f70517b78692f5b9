package dev.switchboard.platform.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jboss.logging.Logger;

/**
 * Which replica of a service relays its outbox: the one holding a PostgreSQL session advisory lock
 * ({@code pg_try_advisory_lock}) on a key derived from the service's name, on a connection of its own that it keeps
 * for as long as it leads. A replica that dies, or loses that connection, loses the lock with it, and another
 * replica's next attempt takes it over. Every statement of the relay runs on this connection, so a leader whose
 * connection is gone cannot mark anything published.
 */
final class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);

    private final Pool pool;
    private final String name;
    private final long key;
    private volatile SqlConnection connection;

    RelayLeadership(Pool pool, String name) {
        this.pool = pool;
        this.name = name;
        this.key = lockKey(name);
    }

    /**
     * The advisory lock key of the relay of service {@code name}: the first 8 bytes of the SHA-256 of
     * {@code switchboard-outbox-relay:<name>}.
     */
    static long lockKey(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("switchboard-outbox-relay:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean leading() {
        return connection != null;
    }

    /**
     * The lock's connection when this replica leads, taking the lock if it is free; {@code null} while another
     * replica holds it.
     */
    Uni<SqlConnection> acquire() {
        SqlConnection held = connection;
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        return pool.getConnection()
                .chain(conn -> conn.preparedQuery("select pg_try_advisory_lock($1)")
                        .execute(Tuple.of(key))
                        .map(rows -> rows.iterator().next().getBoolean(0))
                        .onFailure()
                        .call(conn::close)
                        .chain(locked -> {
                            if (!locked) {
                                return conn.close().replaceWith((SqlConnection) null);
                            }
                            conn.closeHandler(() -> lost(conn, "its connection closed"));
                            connection = conn;
                            LOG.infof("this replica now relays the outbox of %s (advisory lock %d)", name, key);
                            return Uni.createFrom().item(conn);
                        }));
    }

    /** The lock's connection failed: this replica stops leading, and the lock is released with the connection. */
    Uni<Void> lost(SqlConnection conn, Throwable failure) {
        lost(conn, failure.toString());
        return conn.close().onFailure().recoverWithNull();
    }

    private void lost(SqlConnection conn, String why) {
        if (connection == conn) {
            connection = null;
            LOG.warnf("this replica stopped relaying the outbox of %s: %s", name, why);
        }
    }

    /** Releases the lock (shutdown): another replica takes the relay over at its next attempt. */
    Uni<Void> stepDown() {
        SqlConnection conn = connection;
        connection = null;
        if (conn == null) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("this replica hands the outbox relay of %s over", name);
        return conn.preparedQuery("select pg_advisory_unlock($1)")
                .execute(Tuple.of(key))
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull()
                .chain(conn::close)
                .onFailure()
                .recoverWithNull();
    }
}
