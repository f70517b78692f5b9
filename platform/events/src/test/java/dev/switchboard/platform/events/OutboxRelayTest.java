package dev.switchboard.platform.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TopicRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The relay against the real PostgreSQL and Kafka: one leader through the advisory lock, batches in id order. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class OutboxRelayTest {

    static final String TOPIC = "relay-test-events";
    static final long LOCK = OutboxRelay.lockKey("events-test");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    OutboxRelay relay;

    @Test
    void theRelayPublishesNothingWhileAnotherHolderHasItsLockAndTakesOverOnceItIsReleased() throws Exception {
        await("the relay leading").atMost(WAIT).until(relay::leading);
        String key = "lock-" + UUID.randomUUID();
        UUID eventId;
        try (Connection holder = EventsDatabase.connect()) {
            // another replica takes the lock (the relay's session is ended, as if its replica died)
            await("the test holding the relay's lock")
                    .atMost(WAIT)
                    .until(() -> EventsDatabase.takeLockFromTheRelay(holder, LOCK));
            try (Connection c = EventsDatabase.connect()) {
                eventId = EventsDatabase.insert(c, TOPIC, key);
            }
            relay.nudge();
            long before = relay.passesAsFollower();
            await("two passes of the relay finding the lock taken")
                    .atMost(WAIT)
                    .until(() -> relay.passesAsFollower() >= before + 2);
            assertFalse(relay.leading());
            assertFalse(EventsDatabase.published(eventId), "published while another replica held the lock");
        }
        // the holder's session ended: the relay takes over and publishes from the first unpublished row
        await("the row published").atMost(WAIT).until(() -> EventsDatabase.published(eventId));
        List<ConsumerRecord<String, String>> records = TopicRecords.first(TOPIC, key, 1);
        assertEquals("{\"id\":\"" + eventId + "\"}", records.get(0).value());
    }

    @Test
    void aBatchGoesOutInIdOrderAndOnlyItsAcknowledgedPrefixIsMarked() throws Exception {
        await("the relay leading").atMost(WAIT).until(relay::leading);
        String key = "batch-" + UUID.randomUUID();
        String refusedTopic = "no topic has this name " + UUID.randomUUID();
        List<UUID> before = new ArrayList<>();
        List<UUID> after = new ArrayList<>();
        UUID refused;
        try (Connection c = EventsDatabase.connect()) {
            // one transaction, so the relay sees them all in one batch
            c.setAutoCommit(false);
            for (int i = 0; i < 30; i++) {
                before.add(EventsDatabase.insert(c, TOPIC, key));
            }
            refused = EventsDatabase.insert(c, refusedTopic, key);
            for (int i = 0; i < 5; i++) {
                after.add(EventsDatabase.insert(c, TOPIC, key));
            }
            c.commit();
        }
        relay.nudge();
        await("the rows before the refused one marked published")
                .atMost(WAIT)
                .until(() -> before.stream().allMatch(EventsDatabase::publishedQuietly));
        assertFalse(EventsDatabase.published(refused), "a row the broker refused was marked published");
        for (UUID id : after) {
            assertFalse(EventsDatabase.published(id), "a row after the refused one was marked published");
        }
        assertEquals(before, eventIds(TopicRecords.first(TOPIC, key, before.size())), "published out of id order");

        // the refused row goes away (an operator deleted it): the rest follows, still in order
        EventsDatabase.execute("delete from outbox_events where event_id = ?", refused);
        await("the rows after it marked published")
                .atMost(WAIT)
                .until(() -> after.stream().allMatch(EventsDatabase::publishedQuietly));
        List<UUID> all = new ArrayList<>(before);
        all.addAll(after);
        List<ConsumerRecord<String, String>> records = TopicRecords.first(TOPIC, key, all.size());
        // the rows after the refused one may have gone out in the first pass too: first occurrences are in order
        assertEquals(all, List.copyOf(new LinkedHashSet<>(eventIds(records))).subList(0, all.size()));
    }

    private static List<UUID> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> UUID.fromString(r.value().substring(7, 43)))
                .toList();
    }
}
