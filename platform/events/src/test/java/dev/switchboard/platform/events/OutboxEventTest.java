package dev.switchboard.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxEventTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Data(String name) {}

    @Test
    void theRowCarriesTheEventAsAStructuredCloudEvent() throws Exception {
        UUID id = UUID.randomUUID();
        CloudEvent<Data> event = CloudEvent.of(
                id,
                "/some-service",
                "switchboard.thing.happened",
                "thing-1",
                Instant.parse("2026-05-01T10:00:00.123Z"),
                "urn:switchboard:schema:thing.happened.v1",
                new Data("x"));

        OutboxEvent row = OutboxEvent.of("thing-events", "thing-1", event, json);

        assertEquals(id, row.eventId);
        assertEquals("thing-events", row.topic);
        assertEquals("thing-1", row.recordKey);
        assertNotNull(row.createdAt);
        assertNull(row.publishedAt);
        JsonNode written = json.readTree(row.payload);
        List<String> names = new ArrayList<>();
        written.fieldNames().forEachRemaining(names::add);
        assertEquals(
                List.of(
                        "specversion",
                        "id",
                        "source",
                        "type",
                        "subject",
                        "time",
                        "datacontenttype",
                        "dataschema",
                        "data"),
                names);
        assertEquals("1.0", written.get("specversion").asText());
        assertEquals(id.toString(), written.get("id").asText());
        assertEquals("application/json", written.get("datacontenttype").asText());
        assertEquals("x", written.get("data").get("name").asText());
    }
}
