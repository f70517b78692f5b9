package dev.switchboard.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void ratesAreWrittenAsQuotaPerWindow() {
        assertEquals(new Rate(200, 10), Rate.parse("200/10s"));
        assertEquals(new Rate(60, 60), Rate.parse("60/1m"));
        assertEquals(new Rate(1000, 7200), Rate.parse(" 1000 / 2h "));
        assertEquals(new Rate(0, 60), Rate.parse("0/1m"));
        assertEquals("200/10s", Rate.parse("200/10s").toString());
    }

    @Test
    void anythingElseStopsTheGatewayAtStart() {
        for (String bad : new String[] {"", "200", "200/10", "200/0s", "-1/10s", "200/10d", "20000000/1s", "1/25h"}) {
            assertThrows(IllegalArgumentException.class, () -> Rate.parse(bad), bad);
        }
    }

    @Test
    void thePreviousWindowWeighsByThePartOfItStillInsideTheSlidingWindow() {
        Rate rate = new Rate(200, 10);
        long windowStart = 1_000 * rate.windowMicros();
        assertEquals(1_000, rate.window(windowStart));
        assertEquals(1_000, rate.window(windowStart + rate.windowMicros() - 1));
        assertEquals(0, rate.cap(200, windowStart), "the whole previous window still counts");
        assertEquals(100, rate.cap(200, windowStart + 5_000_000), "half of it");
        assertEquals(199, rate.cap(200, windowStart + 9_999_999), "rounded up: a trace still counts one");
        assertEquals(200, rate.cap(0, windowStart));
    }
}
