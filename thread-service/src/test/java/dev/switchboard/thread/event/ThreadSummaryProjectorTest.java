package dev.switchboard.thread.event;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.thread.TestDatabase;
import dev.switchboard.thread.rest.ThreadApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Run events produced to the real run-events topic update thread summaries, once per event id. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ThreadSummaryProjectorTest {

    private RunEventsTopic runEvents;

    @BeforeEach
    void connect() {
        runEvents = new RunEventsTopic();
    }

    @AfterEach
    void disconnect() {
        runEvents.close();
    }

    @Test
    void runCompletedUpdatesTheSummaryAndARedeliveryIsSkipped() {
        String org = Api.newOrg();
        UUID agent = UUID.randomUUID();
        String thread = ThreadApi.createThread(org, "alice", agent);
        String longQuestion = "Summarize   open support tickets from last week, grouped by product area and by "
                + "severity, and flag anything older than ten days";
        append(org, "bob", thread, UUID.randomUUID(), "user", longQuestion).statusCode(201);
        append(org, "bob", thread, UUID.randomUUID(), "assistant", "There were 12.")
                .statusCode(201);

        String eventId = UUID.randomUUID().toString();
        publish(eventId, "switchboard.run.completed", org, thread, "bob");
        JsonPath summary = awaitThread(org, thread, t -> t.getInt("messageCount") == 2);
        assertEquals(longQuestion, summary.getString("firstMessage"));
        String title = summary.getString("title");
        assertEquals(true, title.length() <= 80, title);
        assertEquals(true, title.startsWith("Summarize open support tickets from last week"), title);
        assertEquals(List.of("alice", "bob"), summary.getList("userIds"));

        // two more messages, then the SAME event again: it must not be applied a second time
        append(org, "bob", thread, UUID.randomUUID(), "user", "and the week before?")
                .statusCode(201);
        append(org, "bob", thread, UUID.randomUUID(), "assistant", "Nine.").statusCode(201);
        publish(eventId, "switchboard.run.completed", org, thread, "carol");
        // a later event with the same key (so on the same partition) proves the consumer went past the duplicate
        String marker = createMarker(org, agent);
        publish(thread, UUID.randomUUID().toString(), "switchboard.run.completed", org, marker, "alice");
        awaitThread(org, marker, t -> t.getInt("messageCount") == 1);
        JsonPath after = as(org, "alice")
                .get("/internal/threads/" + thread)
                .then()
                .extract()
                .jsonPath();
        assertEquals(2, after.getInt("messageCount"), "the redelivered event was applied again");
        assertEquals(List.of("alice", "bob"), after.getList("userIds"));

        // a new event for the thread applies the new messages
        publish(UUID.randomUUID().toString(), "switchboard.run.failed", org, thread, "bob");
        awaitThread(org, thread, t -> t.getInt("messageCount") == 4);
    }

    @Test
    void eventsOfOtherOrganisationsTypesOrShapesChangeNothing() {
        String org = Api.newOrg();
        String thread = ThreadApi.createThread(org, "alice", UUID.randomUUID());
        append(org, "alice", thread, UUID.randomUUID(), "user", "hello").statusCode(201);
        publish(UUID.randomUUID().toString(), "switchboard.run.completed", Api.newOrg(), thread, "mallory");
        publish(UUID.randomUUID().toString(), "switchboard.run.started", org, thread, "alice");
        runEvents.produce(thread, "{not json");
        String marker = createMarker(org, UUID.randomUUID());
        publish(thread, UUID.randomUUID().toString(), "switchboard.run.completed", org, marker, "alice");
        awaitThread(org, marker, t -> t.getInt("messageCount") == 1);

        JsonPath unchanged = as(org, "alice")
                .get("/internal/threads/" + thread)
                .then()
                .extract()
                .jsonPath();
        assertEquals(0, unchanged.getInt("messageCount"));
        assertNull(unchanged.getString("title"));
        assertEquals(List.of("alice"), unchanged.getList("userIds"));
    }

    @Test
    void anEventForAMissingThreadIsRecordedAsProcessedAndEachIdOnlyOnce() throws Exception {
        String org = Api.newOrg();
        String missing = UUID.randomUUID().toString();
        String missingEvent = UUID.randomUUID().toString();
        String marker = createMarker(org, UUID.randomUUID());
        String markerEvent = UUID.randomUUID().toString();
        // all keyed by the marker thread, so one partition, handled in order
        publish(marker, missingEvent, "switchboard.run.completed", org, missing, "alice");
        publish(marker, markerEvent, "switchboard.run.completed", org, marker, "alice");
        publish(marker, markerEvent, "switchboard.run.completed", org, marker, "alice");
        String last = createMarker(org, UUID.randomUUID());
        publish(marker, UUID.randomUUID().toString(), "switchboard.run.completed", org, last, "alice");
        awaitThread(org, last, t -> t.getInt("messageCount") == 1);
        assertEquals(1, processedRows(missingEvent), "an event for a missing thread is recorded as processed");
        assertEquals(1, processedRows(markerEvent));
        as(org, "alice").get("/internal/threads/" + missing).then().statusCode(404);
    }

    private static long processedRows(String eventId) throws SQLException {
        return TestDatabase.number("select count(*) from processed_events where event_id = ?", eventId);
    }

    private String createMarker(String org, UUID agent) {
        String marker = ThreadApi.createThread(org, "alice", agent);
        append(org, "alice", marker, UUID.randomUUID(), "user", "marker").statusCode(201);
        return marker;
    }

    private void publish(String eventId, String type, String org, String thread, String user) {
        publish(thread, eventId, type, org, thread, user);
    }

    /** Records with the same key share a partition, so the consumer handles them in the order produced. */
    private void publish(String key, String eventId, String type, String org, String thread, String user) {
        runEvents.publish(key, eventId, type, org, thread, user, ",\"status\":\"completed\"");
    }

    private static JsonPath awaitThread(String org, String thread, Predicate<JsonPath> condition) {
        return await("thread " + thread + " reaching the expected summary")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> as(org, "alice")
                                .get("/internal/threads/" + thread)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        condition::test);
    }
}
