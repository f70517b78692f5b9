package dev.switchboard.gateway.ratelimit;

import java.util.Comparator;
import java.util.List;

/**
 * The answer to a request's demands: allowed (every policy had room, and the units are taken) or refused (the
 * policies that had none; nothing was taken).
 */
public record Verdict(boolean allowed, List<Usage> usages) {

    static Verdict allowed(List<Usage> usages) {
        return new Verdict(true, List.copyOf(usages));
    }

    static Verdict refused(List<Usage> exhausted) {
        return new Verdict(false, List.copyOf(exhausted));
    }

    /**
     * The policy to report in the {@code RateLimit} header: when allowed, the one with the least left (the
     * nearest reset on a tie); when refused, the one that frees up last, since retrying helps only after it does.
     */
    public Usage closest() {
        Comparator<Usage> order = allowed
                ? Comparator.comparingLong(Usage::remaining).thenComparingLong(Usage::resetSeconds)
                : Comparator.comparingLong(Usage::resetSeconds).reversed();
        return usages.stream().min(order).orElseThrow();
    }

    /** Seconds until a refused request may succeed (at least 1). */
    public long retryAfterSeconds() {
        return Math.max(1, closest().resetSeconds());
    }
}
