package dev.switchboard.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void anExternalUrlGivesJdbcAndReactiveUrlsAndDecodedCredentials() {
        PostgresServer pg = PostgresServer.external("postgresql://switch%40board:s%3Acret@db.internal:6543/admin");
        assertFalse(pg.isEmbedded());
        assertEquals("switch@board", pg.user());
        assertEquals("s:cret", pg.password());
        assertEquals("jdbc:postgresql://db.internal:6543/threads", pg.jdbcUrl("threads"));
        assertEquals("postgresql://db.internal:6543/threads", pg.reactiveUrl("threads"));
    }

    @Test
    void theDefaultPortIs5432AndOtherSchemesAreRejected() {
        assertEquals(
                "jdbc:postgresql://db:5432/x",
                PostgresServer.external("postgresql://db/postgres").jdbcUrl("x"));
        assertThrows(IllegalArgumentException.class, () -> PostgresServer.external("mysql://db:3306/x"));
    }
}
