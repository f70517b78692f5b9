package dev.switchboard.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
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
        // the whole envelope, its fields in the order of CloudEvents' structured mode
        assertEquals(json.readTree("""
                {"specversion": "1.0", "id": "%s", "source": "/some-service", "type": "switchboard.thing.happened",
                 "subject": "thing-1", "time": "2026-05-01T10:00:00.123Z", "datacontenttype": "application/json",
                 "dataschema": "urn:switchboard:schema:thing.happened.v1", "data": {"name": "x"}}""".formatted(id)).toString(), row.payload);
    }
}
