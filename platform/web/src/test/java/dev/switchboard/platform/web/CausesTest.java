package dev.switchboard.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausesTest {

    private final ConnectException refused = new ConnectException("refused");
    private final IOException io = new IOException("io", refused);
    private final RuntimeException outer = new UncheckedIOException(io);

    @Test
    void walksTheChainOutermostFirst() {
        assertEquals(List.of(outer, io, refused), Causes.of(outer).toList());
        assertEquals(List.of(), Causes.of(null).toList());
    }

    @Test
    void findsTheOutermostOfAType() {
        assertSame(io, Causes.find(outer, IOException.class));
        assertSame(refused, Causes.find(outer, ConnectException.class));
        assertNull(Causes.find(outer, IllegalStateException.class));
    }

    @Test
    void matchesAPredicateOrOneOfSomeTypes() {
        assertTrue(Causes.any(outer, t -> "refused".equals(t.getMessage())));
        assertFalse(Causes.any(outer, t -> "other".equals(t.getMessage())));
        assertTrue(Causes.anyOf(outer, List.of(IllegalStateException.class, ConnectException.class)));
        assertFalse(Causes.anyOf(outer, List.of(IllegalStateException.class)));
    }

    @Test
    void aFailureThatIsItsOwnCauseEndsTheChain() {
        RuntimeException selfCaused = new RuntimeException() {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertEquals(List.of(selfCaused), Causes.of(selfCaused).toList());
    }
}
