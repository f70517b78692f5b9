package dev.switchboard.platform.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonConfigTest {

    private final ObjectMapper json = JsonConfig.configure(new ObjectMapper());

    @Test
    void instantsAreUtcWithExactlyThreeFractionalDigits() throws Exception {
        assertEquals("\"2026-05-01T10:00:00.000Z\"", json.writeValueAsString(Instant.parse("2026-05-01T10:00:00Z")));
        assertEquals(
                "\"2026-05-01T10:00:00.123Z\"", json.writeValueAsString(Instant.parse("2026-05-01T10:00:00.123456Z")));
    }
}
