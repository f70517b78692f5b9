package dev.switchboard.run.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CurrentTimeToolTest {

    private static final Instant NOW = Instant.parse("2026-07-01T10:15:30Z");
    private final CurrentTimeTool tool = new CurrentTimeTool(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void utcByDefault() {
        ToolResult result = tool.call(json.createObjectNode()).await().indefinitely();
        assertEquals(ToolResult.ok("2026-07-01T10:15:30Z"), result);
        assertEquals(NOW, OffsetDateTime.parse(result.content()).toInstant());
        assertEquals(result, tool.call(null).await().indefinitely());
    }

    @Test
    void inAnIanaTimeZone() {
        ToolResult paris = tool.call(zone("Europe/Paris")).await().indefinitely();
        assertEquals(ToolResult.ok("2026-07-01T12:15:30+02:00[Europe/Paris]"), paris);
        ToolResult tokyo = tool.call(zone("Asia/Tokyo")).await().indefinitely();
        assertEquals("2026-07-01T19:15:30+09:00[Asia/Tokyo]", tokyo.content());
        assertFalse(tool.call(zone("UTC")).await().indefinitely().error());
    }

    @Test
    void anUnknownTimeZoneIsAnErrorResult() {
        for (String bad : new String[] {"Mars/Olympus", "../../etc/passwd", "x".repeat(5000)}) {
            ToolResult result = tool.call(zone(bad)).await().indefinitely();
            assertTrue(result.error(), bad);
            assertTrue(result.content().startsWith("unknown time zone"), result.content());
        }
    }

    private ObjectNode zone(String zone) {
        return json.createObjectNode().put("timezone", zone);
    }
}
