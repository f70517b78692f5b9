package dev.switchboard.agent;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a path addresses an agent: by numeric id, by UUID or by handle, recognised in that order of shape.
 */
public sealed interface AgentRef {

    Pattern NUMERIC = Pattern.compile("[0-9]{1,18}");
    Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    Pattern HANDLE = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    record ById(long id) implements AgentRef {}

    record ByUuid(UUID uuid) implements AgentRef {}

    record ByHandle(String handle) implements AgentRef {}

    /** The reference {@code raw} denotes, or empty when it has none of the three shapes (no agent can match). */
    static Optional<AgentRef> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (NUMERIC.matcher(raw).matches()) {
            return Optional.of(new ById(Long.parseLong(raw)));
        }
        if (looksLikeUuid(raw)) {
            return Optional.of(new ByUuid(UUID.fromString(raw.toLowerCase(Locale.ROOT))));
        }
        if (isValidHandle(raw)) {
            return Optional.of(new ByHandle(raw));
        }
        return Optional.empty();
    }

    static boolean looksLikeUuid(String value) {
        return UUID_SHAPE.matcher(value).matches();
    }

    static boolean isValidHandle(String value) {
        return HANDLE.matcher(value).matches();
    }
}
