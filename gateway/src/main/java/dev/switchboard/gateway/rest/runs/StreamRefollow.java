package dev.switchboard.gateway.rest.runs;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.IntFunction;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * run-service's stream of a run, followed again when it breaks or ends before the run's terminal event ({@code done},
 * {@code error}, {@code cancelled}): the run-service replica serving it stopped, and another replica takes the run
 * over within its lease timeout (20 s) and sweep (5 s), then writes the rest of the stream, readable from any
 * replica. Each new call asks for the events after the last one forwarded ({@code since}), after a pause that
 * doubles from {@link #FIRST_PAUSE} up to {@link #MAX_PAUSE}; once no event came for the give-up window the stream
 * fails (the client then gets an {@code error} event saying how to resume). A client that goes away cancels it.
 */
final class StreamRefollow {

    /** How long the gateway keeps following a run whose stream broke: the lease timeout, a sweep and a margin. */
    static final Duration FOLLOW_FOR = Duration.ofSeconds(45);

    static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);

    private final IntFunction<Multi<SseEvent<String>>> reopen;
    private final Duration followFor;
    private volatile int last;
    private volatile boolean ended;
    private Duration pause = FIRST_PAUSE;
    private long brokenSince = -1;

    private StreamRefollow(int since, IntFunction<Multi<SseEvent<String>>> reopen, Duration followFor) {
        this.last = since;
        this.reopen = reopen;
        this.followFor = followFor;
    }

    /**
     * {@code first}, then as much of {@code reopen(since)} as it takes to reach the terminal event, for up to
     * {@code followFor} without an event.
     */
    static Multi<SseEvent<String>> of(
            Multi<SseEvent<String>> first, int since, IntFunction<Multi<SseEvent<String>>> reopen, Duration followFor) {
        return new StreamRefollow(since, reopen, followFor).followed(first);
    }

    private Multi<SseEvent<String>> followed(Multi<SseEvent<String>> stream) {
        return stream.invoke(this::saw)
                .onFailure()
                .recoverWithCompletion()
                .onCompletion()
                .switchTo(() -> {
                    if (ended) {
                        return Multi.createFrom().empty();
                    }
                    Duration next = nextPause();
                    if (next == null) {
                        return Multi.createFrom()
                                .failure(new IllegalStateException(
                                        "the run's stream did not come back within " + followFor));
                    }
                    return Uni.createFrom()
                            .voidItem()
                            .onItem()
                            .delayIt()
                            .by(next)
                            .onItem()
                            .transformToMulti(
                                    ignored -> followed(Multi.createFrom().deferred(() -> reopen.apply(last))));
                });
    }

    private void saw(SseEvent<String> event) {
        synchronized (this) {
            brokenSince = -1;
            pause = FIRST_PAUSE;
        }
        try {
            int seq = Integer.parseInt(event.id() == null ? "" : event.id().trim());
            if (seq > last) {
                last = seq;
            }
        } catch (NumberFormatException notNumbered) {
            // not a position in the run's stream
        }
        String type = event.name();
        if ("done".equals(type) || "error".equals(type) || "cancelled".equals(type)) {
            ended = true;
        }
    }

    /** The pause before following again, or null once no event came for {@code followFor}. */
    private synchronized Duration nextPause() {
        long now = System.nanoTime();
        if (brokenSince < 0) {
            brokenSince = now;
        } else if (now - brokenSince > followFor.toNanos()) {
            return null;
        }
        Duration next = pause;
        Duration doubled = pause.multipliedBy(2);
        pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
        return next;
    }
}
