package dev.switchboard.gateway.rest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.platform.web.error.ApiException;
import org.junit.jupiter.api.Test;

class HistoryLimitTest {

    @Test
    void absentIsTheDefault20() {
        assertEquals(20, HistoryLimit.parse(null));
        assertEquals(20, HistoryLimit.parse(""));
    }

    @Test
    void integersFrom1AreKeptUpTo100AndClampedAbove() {
        assertEquals(1, HistoryLimit.parse("1"));
        assertEquals(42, HistoryLimit.parse("42"));
        assertEquals(100, HistoryLimit.parse("100"));
        assertEquals(100, HistoryLimit.parse("101"));
        assertEquals(100, HistoryLimit.parse("99999999999"));
        assertEquals(100, HistoryLimit.parse("999999999999999999999999"));
    }

    @Test
    void anythingElseIs400OnLimit() {
        for (String bad : new String[] {"0", "-1", "-999999999999999999999999", "abc", "1.5", "1e3", "twenty"}) {
            ApiException e = assertThrows(ApiException.class, () -> HistoryLimit.parse(bad), bad);
            assertEquals(400, e.status());
            assertEquals("limit", e.field());
        }
    }
}
