package dev.switchboard.run.tool;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The built-in {@code current_time}: now, in ISO-8601, in UTC or an IANA time zone. */
public final class CurrentTimeTool extends OneArgumentTool {

    public static final String NAME = "current_time";

    private final Clock clock;

    public CurrentTimeTool(Clock clock) {
        super(
                NAME,
                "Returns the current date and time in ISO-8601, in UTC or in the given IANA time zone.",
                "timezone",
                "an IANA time zone such as Europe/Paris (default UTC)",
                false);
        this.clock = clock;
    }

    @Override
    Uni<ToolResult> callWith(String timezone) {
        return Uni.createFrom().item(() -> now(timezone));
    }

    private ToolResult now(String timezone) {
        ZoneId zone;
        try {
            zone = timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            return ToolResult.error("unknown time zone '" + timezone + "': use an IANA name such as Europe/Paris");
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now);
        return ToolResult.ok(zone instanceof ZoneOffset ? text : text + "[" + zone.getId() + "]");
    }
}
