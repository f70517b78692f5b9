package dev.switchboard.thread;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of feedback a user gives on an assistant message (seed 004 {@code feedback_type}). */
public enum FeedbackType {
    THUMBS_UP,
    THUMBS_DOWN;

    public static final List<String> WIRE =
            Arrays.stream(values()).map(FeedbackType::wire).toList();

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String value) {
        return WIRE.contains(value);
    }
}
