package dev.switchboard.run.provider;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchboard.local.testing.Gate;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Subscribes to a model stream and records each event as it arrives. */
final class RecordedStream {

    static final Duration WAIT = Duration.ofSeconds(5);

    final List<ModelEvent> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final Cancellable subscription;

    RecordedStream(Multi<ModelEvent> stream) {
        subscription = stream.subscribe().with(events::add, done::completeExceptionally, () -> done.complete(null));
    }

    /** Waits until at least {@code count} text deltas arrived. */
    void awaitDeltas(int count) {
        await().atMost(WAIT).until(() -> deltaTexts().size() >= count);
    }

    void awaitDone(Duration timeout) throws Exception {
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Lets the held answer through one chunk at a time, each piece's chunk after the last: every delta must have
     * arrived, and the stream not ended, while the next chunk is still held (the provider streams, it does not
     * buffer). Then opens the gate.
     */
    void stepThrough(Gate gate, List<String> pieces) {
        for (int i = 0; i < pieces.size(); i++) {
            gate.let(1);
            awaitDeltas(i + 1);
            assertEquals(pieces.subList(0, i + 1), deltaTexts(), "delta " + i + " before the next chunk was sent");
            assertFalse(done.isDone(), "the stream ended before its last chunk was sent");
        }
        gate.open();
    }

    List<String> deltaTexts() {
        return events.stream()
                .filter(ModelEvent.TextDelta.class::isInstance)
                .map(e -> ((ModelEvent.TextDelta) e).text())
                .toList();
    }

    ModelReply reply() {
        return events.stream()
                .filter(ModelEvent.Completed.class::isInstance)
                .map(e -> ((ModelEvent.Completed) e).reply())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Completed event in " + events));
    }
}
