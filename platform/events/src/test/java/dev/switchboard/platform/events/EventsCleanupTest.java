package dev.switchboard.platform.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retention of published outbox rows and processed event ids, on the real PostgreSQL. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class EventsCleanupTest {

    @Inject
    OutboxCleanup outboxCleanup;

    @Inject
    ProcessedEventCleanup processedCleanup;

    @Inject
    EventsRetention retention;

    @Inject
    Scheduler scheduler;

    @Test
    void publishedRowsPastRetentionAreDeletedAndUnpublishedOnesKept() throws Exception {
        UUID oldPublished;
        UUID recentPublished;
        UUID oldUnpublished;
        List<UUID> manyOld = new ArrayList<>();
        // hold the relay's lock, so the unpublished row stays unpublished while the cleanup runs
        try (Connection holder = EventsDatabase.connect()) {
            await("the test holding the relay's lock")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> EventsDatabase.takeLockFromTheRelay(holder, OutboxRelayTest.LOCK));
            try (Connection c = EventsDatabase.connect()) {
                oldPublished = EventsDatabase.insert(c, "cleanup-test", "k");
                recentPublished = EventsDatabase.insert(c, "cleanup-test", "k");
                oldUnpublished = EventsDatabase.insert(c, "cleanup-test", "k");
                // more than one cleanup batch (1000)
                for (int i = 0; i < 1200; i++) {
                    manyOld.add(EventsDatabase.insert(c, "cleanup-test", "k"));
                }
            }
            EventsDatabase.execute(
                    "update outbox_events set created_at = now() - interval '9 days', "
                            + "published_at = now() - interval '9 days' where event_id = any(?::uuid[])",
                    (Object) concat(oldPublished, manyOld));
            EventsDatabase.execute(
                    "update outbox_events set created_at = now() - interval '9 days', "
                            + "published_at = now() - interval '1 day' where event_id = ?",
                    recentPublished);
            EventsDatabase.execute(
                    "update outbox_events set created_at = now() - interval '9 days' where event_id = ?",
                    oldUnpublished);

            long deleted = outboxCleanup.run().await().atMost(Duration.ofSeconds(30));

            assertTrue(deleted >= 1201, "deleted " + deleted);
            assertEquals(
                    List.of(recentPublished, oldUnpublished),
                    EventsDatabase.column(
                            "select event_id from outbox_events where topic = 'cleanup-test' order by id"));
            // leave the relay nothing to publish to a topic the other tests read
            EventsDatabase.execute("delete from outbox_events where topic = 'cleanup-test'");
        }
    }

    @Test
    void processedEventIdsPastRetentionAreDeleted() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        EventsDatabase.execute(
                "insert into processed_events (event_id, processed_at) values (?, now() - interval '9 days')", old);
        EventsDatabase.execute(
                "insert into processed_events (event_id, processed_at) values (?, now() - interval '7 days')", recent);

        long deleted = processedCleanup.run().await().atMost(Duration.ofSeconds(30));

        assertTrue(deleted >= 1, "deleted " + deleted);
        assertEquals(
                List.of(recent),
                EventsDatabase.column("select event_id from processed_events where event_id in (?, ?)", old, recent));
    }

    @Test
    void oneScheduledJobRunsBothRetentions() throws Exception {
        assertEquals(
                1,
                scheduler.getScheduledJobs().stream()
                        .filter(job -> job.getMethodDescription().startsWith(EventsRetention.class.getName()))
                        .count(),
                "the retention job is not scheduled once: " + scheduler.getScheduledJobs());
        UUID oldPublished = UUID.randomUUID();
        String oldProcessed = "old-" + UUID.randomUUID();
        EventsDatabase.execute(
                "insert into outbox_events (event_id, topic, record_key, payload, created_at, published_at) "
                        + "values (?, 'cleanup-test', 'k', '{}', now() - interval '9 days', now() - interval '9 days')",
                oldPublished);
        EventsDatabase.execute(
                "insert into processed_events (event_id, processed_at) values (?, now() - interval '9 days')",
                oldProcessed);

        retention.scheduled().await().atMost(Duration.ofSeconds(30));

        assertEquals(List.of(), EventsDatabase.column("select id from outbox_events where event_id = ?", oldPublished));
        assertEquals(
                List.of(), EventsDatabase.column("select 1 from processed_events where event_id = ?", oldProcessed));
    }

    private static String[] concat(UUID first, List<UUID> rest) {
        String[] all = new String[rest.size() + 1];
        all[0] = first.toString();
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i).toString();
        }
        return all;
    }
}
