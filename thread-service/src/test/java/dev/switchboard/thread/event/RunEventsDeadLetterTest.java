package dev.switchboard.thread.event;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TopicRecords;
import dev.switchboard.thread.rest.ThreadApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A poison run event goes to run-events.dlq with its error and is counted; the events after it are applied. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class RunEventsDeadLetterTest {

    @Inject
    MeterRegistry registry;

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
    void aPoisonEventIsDeadLetteredWithItsReasonAndCountedAndTheNextOneApplied() {
        String org = Api.newOrg();
        String thread = ThreadApi.createThread(org, "alice", UUID.randomUUID());
        append(org, "alice", thread, UUID.randomUUID(), "user", "hello").statusCode(201);
        double before = deadLettered();

        // both keyed by the thread: one partition, handled in this order
        runEvents.produce(thread, "{not json");
        runEvents.publish(
                thread,
                UUID.randomUUID().toString(),
                "switchboard.run.completed",
                org,
                thread,
                "alice",
                ",\"status\":\"completed\"");

        await("the event after the poison one applied")
                .atMost(Duration.ofSeconds(30))
                .until(() -> as(org, "alice")
                                .get("/internal/threads/" + thread)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getInt("messageCount")
                        == 1);

        ConsumerRecord<String, String> dead =
                TopicRecords.first("run-events.dlq", thread, 1).get(0);
        assertEquals("{not json", dead.value());
        assertEquals(thread, dead.key());
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "no dead-letter-reason header");
        String text = new String(reason.value(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("the record is not JSON"), text);
        assertEquals(
                "run-events",
                new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        assertTrue(deadLettered() >= before + 1, "switchboard_events_dead_lettered_total did not move");
    }

    private double deadLettered() {
        Counter counter = registry.find("switchboard.events.dead.lettered")
                .tag("topic", "run-events")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
