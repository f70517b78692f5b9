package dev.switchboard.gateway.rest.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.junit.jupiter.api.Test;

/**
 * A run's stream from run-service that breaks before its terminal event (the replica serving it died) is followed
 * again from the last event forwarded, until the terminal event, or fails once nothing came back for the window.
 */
class StreamRefollowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    record Event(String id, String name, String comment, String data) implements SseEvent<String> {
        static Event of(int seq, String type) {
            return new Event(Integer.toString(seq), type, null, "{}");
        }
    }

    @Test
    void aStreamThatBreaksIsFollowedAgainFromTheLastEventUntilTheTerminalOne() {
        List<Integer> asked = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        // the first replica dies after two events; the next call fails (no replica answers yet); the third serves
        // the rest from the stored stream, as a replica that took the run over does
        Multi<SseEvent<String>> first = Multi.createBy()
                .concatenating()
                .streams(
                        Multi.createFrom().items(Event.of(1, "text"), Event.of(2, "text")),
                        Multi.createFrom().failure(new IOException("connection reset")));
        List<SseEvent<String>> received = StreamRefollow.of(
                        first,
                        0,
                        since -> {
                            asked.add(since);
                            return calls.incrementAndGet() == 1
                                    ? Multi.createFrom().failure(new IOException("connection refused"))
                                    : Multi.createFrom().items(Event.of(3, "text"), Event.of(4, "error"));
                        },
                        WAIT)
                .collect()
                .asList()
                .await()
                .atMost(WAIT);
        assertEquals(
                List.of("1", "2", "3", "4"), received.stream().map(SseEvent::id).toList());
        assertEquals(List.of(2, 2), asked);
    }

    @Test
    void aStreamThatEndsCleanlyBeforeItsTerminalEventIsFollowedAgainToo() {
        List<Integer> asked = new CopyOnWriteArrayList<>();
        List<SseEvent<String>> received = StreamRefollow.of(
                        Multi.createFrom().items(Event.of(5, "text")),
                        4,
                        since -> {
                            asked.add(since);
                            return Multi.createFrom().items(Event.of(6, "done"));
                        },
                        WAIT)
                .collect()
                .asList()
                .await()
                .atMost(WAIT);
        assertEquals(List.of("5", "6"), received.stream().map(SseEvent::id).toList());
        assertEquals(List.of(5), asked);
    }

    @Test
    void aStreamThatEndsWithItsTerminalEventIsNotFollowedAgain() {
        AtomicInteger calls = new AtomicInteger();
        List<SseEvent<String>> received = StreamRefollow.of(
                        Multi.createFrom().items(Event.of(1, "text"), Event.of(2, "cancelled")),
                        0,
                        since -> {
                            calls.incrementAndGet();
                            return Multi.createFrom().empty();
                        },
                        WAIT)
                .collect()
                .asList()
                .await()
                .atMost(WAIT);
        assertEquals(2, received.size());
        assertEquals(0, calls.get());
    }

    @Test
    void aStreamThatNeverComesBackFailsAfterTheWindow() {
        AtomicInteger calls = new AtomicInteger();
        Multi<SseEvent<String>> never = StreamRefollow.of(
                Multi.createFrom().failure(new IOException("connection reset")),
                0,
                since -> {
                    calls.incrementAndGet();
                    return Multi.createFrom().failure(new IOException("connection refused"));
                },
                Duration.ofSeconds(1));
        assertThrows(
                IllegalStateException.class,
                () -> never.collect().asList().await().atMost(WAIT));
        assertEquals(true, calls.get() >= 2, "followed again " + calls.get() + " times");
    }
}
