package dev.switchboard.thread;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who wrote a message. */
public enum MessageRole {
    USER,
    ASSISTANT,
    SYSTEM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessageRole> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }
}
