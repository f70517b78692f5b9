package dev.switchboard.thread.listing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Seed 001's recency buckets, on a thread's last activity, in UTC. */
public enum Timeframe {
    LAST_DAY,
    THIS_WEEK,
    THIS_MONTH,
    LAST_7_DAYS,
    LAST_30_DAYS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Timeframe> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(value)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Timeframe::wire).collect(Collectors.joining(", "));
    }

    /** The earliest last activity a thread may have to be in this bucket at {@code now}. */
    public Instant since(Instant now) {
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        return switch (this) {
            case LAST_DAY -> now.minus(Duration.ofDays(1));
            case THIS_WEEK ->
                utc.truncatedTo(ChronoUnit.DAYS)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .toInstant();
            case THIS_MONTH ->
                utc.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            case LAST_7_DAYS -> now.minus(Duration.ofDays(7));
            case LAST_30_DAYS -> now.minus(Duration.ofDays(30));
        };
    }
}
