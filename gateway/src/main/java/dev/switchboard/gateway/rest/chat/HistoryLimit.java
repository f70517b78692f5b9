package dev.switchboard.gateway.rest.chat;

import dev.switchboard.platform.web.error.ApiException;

/** Seed 003's {@code limit} of {@code /history}: default 20, an integer of at least 1, clamped to 100. */
public final class HistoryLimit {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private HistoryLimit() {}

    /** The limit to use for the raw query value (null or blank when absent); 400 on field {@code limit} if invalid. */
    public static int parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            if (raw.trim().matches("\\+?\\d+")) {
                return MAX; // an integer too large for a long is still above the maximum
            }
            throw invalid();
        }
        if (value < 1) {
            throw invalid();
        }
        return (int) Math.min(value, MAX);
    }

    private static ApiException invalid() {
        return ApiException.invalid(
                "limit must be an integer of at least 1 (values above " + MAX + " are treated as " + MAX + ")",
                "limit");
    }
}
