package dev.switchboard.run.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Server-Sent Events out of a stream: one event per item, and a comment ping when the stream is idle. */
public final class SseEvents {

    public static final Duration PING_EVERY = Duration.ofSeconds(15);

    private SseEvents() {}

    public static <T> Multi<OutboundSseEvent> withPings(
            Multi<T> items, Function<T, OutboundSseEvent> event, Sse sse, Vertx vertx, Duration pingEvery) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicLong lastSent = new AtomicLong(System.nanoTime());
            long timer = vertx.setPeriodic(Math.max(1, pingEvery.toMillis() / 3), id -> {
                if (System.nanoTime() - lastSent.get() >= pingEvery.toNanos()) {
                    lastSent.set(System.nanoTime());
                    emitter.emit(sse.newEventBuilder().comment("ping").build());
                }
            });
            Cancellable subscription = items.subscribe()
                    .with(
                            item -> {
                                lastSent.set(System.nanoTime());
                                emitter.emit(event.apply(item));
                            },
                            failure -> {
                                vertx.cancelTimer(timer);
                                emitter.fail(failure);
                            },
                            () -> {
                                vertx.cancelTimer(timer);
                                emitter.complete();
                            });
            emitter.onTermination(() -> {
                vertx.cancelTimer(timer);
                subscription.cancel();
            });
        });
    }
}
