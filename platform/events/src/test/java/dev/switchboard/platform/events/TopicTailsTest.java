package dev.switchboard.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopicTailsTest {

    @Test
    void theEventIdIsTheTopLevelIdOfTheEnvelope() {
        UUID id = UUID.randomUUID();
        String envelope = "{\"specversion\":\"1.0\",\"data\":{\"id\":\"" + UUID.randomUUID()
                + "\",\"items\":[{\"id\":1}]}," + "\"id\":\"" + id + "\",\"type\":\"run.completed\"}";
        assertEquals(id, TopicTails.eventId(envelope));
        assertEquals(id, TopicTails.eventId("{\"id\":\"" + id + "\"}"));
    }

    @Test
    void aValueWithoutAnEventIdHasNone() {
        assertNull(TopicTails.eventId(null));
        assertNull(TopicTails.eventId("not json"));
        assertNull(TopicTails.eventId("[\"" + UUID.randomUUID() + "\"]"));
        assertNull(TopicTails.eventId("{\"data\":{\"id\":\"" + UUID.randomUUID() + "\"}}"));
        assertNull(TopicTails.eventId("{\"id\":\"not a uuid\"}"));
        assertNull(TopicTails.eventId("{\"id\":42}"));
    }

    @Test
    void aSendLastsAtMostTheProducersBlockAndDeliveryTimeouts() {
        assertEquals(
                Duration.ofSeconds(15),
                new TopicTails(Map.of("max.block.ms", "5000", "delivery.timeout.ms", 10000)).longestSend());
        assertEquals(Duration.ofSeconds(180), new TopicTails(Map.of()).longestSend());
    }
}
