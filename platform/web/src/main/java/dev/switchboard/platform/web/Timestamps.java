package dev.switchboard.platform.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The clock: timestamps are stored and published with millisecond precision, as the API shows them. */
public final class Timestamps {

    private Timestamps() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The instant to the millisecond, as it is stored and shown. */
    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
