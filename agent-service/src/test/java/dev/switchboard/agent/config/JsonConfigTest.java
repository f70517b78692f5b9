package dev.switchboard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application's ObjectMapper (REST bodies and event payloads) writes instants with exactly 3 digits. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class JsonConfigTest {

    @Inject
    ObjectMapper json;

    @Test
    void instantsHaveMillisecondsInUtc() throws Exception {
        assertEquals(
                "{\"t\":\"2026-05-01T10:00:00.000Z\"}",
                json.writeValueAsString(Map.of("t", Instant.parse("2026-05-01T10:00:00Z"))));
        assertEquals(
                "{\"t\":\"2026-05-01T10:00:00.120Z\"}",
                json.writeValueAsString(Map.of("t", Instant.parse("2026-05-01T10:00:00.120999Z"))));
    }
}
