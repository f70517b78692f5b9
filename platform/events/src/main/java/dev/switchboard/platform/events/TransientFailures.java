package dev.switchboard.platform.events;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that goes away by itself (the database down, unreachable or overloaded, a lost connection, a
 * timeout, a deadlock) from one that does not (bad data, a violated constraint, a bug). A consumer retries the first
 * without limit, leaving the record unacknowledged, and dead-letters the second.
 */
public final class TransientFailures {

    /** SQLSTATE classes of failures that pass: connection, transaction rollback, resources, operator, system. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");

    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "55006");

    /** Failure types known by name, so this class needs none of their libraries. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.impl.NoStackTraceThrowable",
            "io.smallrye.mutiny.TimeoutException",
            "org.hibernate.exception.JDBCConnectionException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException");

    private TransientFailures() {}

    /** Whether {@code failure}, or one of its causes, is a failure that passes if one waits. */
    public static boolean is(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (transientItself(current)) {
                return true;
            }
            if (current instanceof PgException) {
                return false;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static boolean transientItself(Throwable failure) {
        if (failure instanceof PgException pg) {
            String state = pg.getSqlState();
            return state != null
                    && (TRANSIENT_SQL_STATES.contains(state)
                            || state.length() == 5 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)));
        }
        if (failure instanceof IOException || failure instanceof TimeoutException) {
            return true;
        }
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        // Vert.x reports a closed or refused connection as a plain VertxException
        String message = failure.getMessage();
        return failure.getClass().getName().equals("io.vertx.core.VertxException")
                && message != null
                && (message.contains("onnection") || message.contains("imeout"));
    }
}
