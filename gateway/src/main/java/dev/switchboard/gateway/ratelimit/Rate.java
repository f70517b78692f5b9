package dev.switchboard.gateway.ratelimit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit of {@code quota} units per {@code windowSeconds}, counted in a sliding window: the units of the current
 * fixed window plus those of the previous one, weighted by the part of it still within the last
 * {@code windowSeconds}, may not exceed {@code quota}. Written {@code 200/10s}, {@code 60/1m} or {@code 1000/1h};
 * it is the {@code q} and {@code w} of the {@code RateLimit-Policy} header.
 */
public record Rate(long quota, long windowSeconds) {

    /** Bounds that keep the counters' arithmetic (units times microseconds) far from overflowing. */
    static final long MAX_QUOTA = 10_000_000;

    static final long MAX_WINDOW_SECONDS = 86_400;

    private static final Pattern SHAPE = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,6})\\s*([smh])\\s*");

    public Rate {
        if (quota < 0 || quota > MAX_QUOTA) {
            throw new IllegalArgumentException("a rate's quota must be 0 to " + MAX_QUOTA + ": " + quota);
        }
        if (windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
            throw new IllegalArgumentException("a rate's window must be 1 s to 24 h: " + windowSeconds + " s");
        }
    }

    /** {@code <quota>/<n>s}, {@code <quota>/<n>m} or {@code <quota>/<n>h}. */
    public static Rate parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "a rate is written <quota>/<window>, e.g. 200/10s or 60/1m, not '" + text + "'");
        }
        long unit = switch (m.group(3)) {
            case "h" -> 3600;
            case "m" -> 60;
            default -> 1;
        };
        return new Rate(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) * unit);
    }

    public long windowMicros() {
        return windowSeconds * 1_000_000;
    }

    /** The fixed window {@code nowMicros} falls in (windows are aligned to the epoch). */
    long window(long nowMicros) {
        return Math.floorDiv(nowMicros, windowMicros());
    }

    /**
     * Units of the current window allowed at {@code nowMicros} when the previous window counted {@code previous}:
     * the quota less the previous window's units still inside the sliding window (rounded up).
     */
    long cap(long previous, long nowMicros) {
        long left = (window(nowMicros) + 1) * windowMicros() - nowMicros;
        return quota - (previous * left + windowMicros() - 1) / windowMicros();
    }

    @Override
    public String toString() {
        return quota + "/" + windowSeconds + "s";
    }
}
