package dev.switchboard.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps are stored and published with millisecond precision, as the API shows them. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
