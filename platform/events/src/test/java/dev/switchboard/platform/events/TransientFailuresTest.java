package dev.switchboard.platform.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    private static PgException pg(String state) {
        return new PgException("failed", "ERROR", state, "detail");
    }

    @Test
    void theDatabaseDownOrBusyIsTransient() {
        assertTrue(TransientFailures.is(new ConnectException("Connection refused")));
        assertTrue(TransientFailures.is(ClosedConnectionException.INSTANCE));
        assertTrue(TransientFailures.is(new CompletionException(pg("57P01"))));
        assertTrue(TransientFailures.is(new IllegalStateException("wrapped", pg("40P01"))));
        assertTrue(TransientFailures.is(pg("08006")));
        assertTrue(TransientFailures.is(pg("53300")));
        assertTrue(TransientFailures.is(new io.smallrye.mutiny.TimeoutException()));
    }

    @Test
    void badDataAndBugsAreNot() {
        assertFalse(TransientFailures.is(pg("23505")));
        assertFalse(TransientFailures.is(pg("22001")));
        assertFalse(TransientFailures.is(new IllegalArgumentException("bad event")));
        assertFalse(TransientFailures.is(new NullPointerException()));
    }
}
