package dev.switchboard.run.provider;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Subscribes to a model stream and records each event with the time it arrived (nanoTime). */
final class TimedEvents {

    record Timed(long nanos, ModelEvent event) {
    }

    final List<Timed> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final CountDownLatch deltas;
    final Cancellable subscription;

    TimedEvents(Multi<ModelEvent> stream, int deltasToAwait) {
        deltas = new CountDownLatch(deltasToAwait);
        subscription = stream.subscribe().with(event -> {
            events.add(new Timed(System.nanoTime(), event));
            if (event instanceof ModelEvent.TextDelta) {
                deltas.countDown();
            }
        }, done::completeExceptionally, () -> done.complete(null));
    }

    void awaitDeltas(Duration timeout) throws InterruptedException {
        if (!deltas.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the deltas did not arrive; events: " + events + ", done: " + done);
        }
    }

    void awaitDone(Duration timeout) throws Exception {
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Timed> deltas() {
        return events.stream().filter(t -> t.event() instanceof ModelEvent.TextDelta).toList();
    }

    List<String> deltaTexts() {
        return deltas().stream().map(t -> ((ModelEvent.TextDelta) t.event()).text()).toList();
    }

    ModelReply reply() {
        return events.stream().map(Timed::event).filter(ModelEvent.Completed.class::isInstance)
                .map(e -> ((ModelEvent.Completed) e).reply()).findFirst()
                .orElseThrow(() -> new AssertionError("no Completed event in " + events));
    }
}
