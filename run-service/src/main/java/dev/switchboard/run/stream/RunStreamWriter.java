package dev.switchboard.run.stream;

import dev.switchboard.run.RunKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/**
 * Numbers a run's events, hands each at once to the readers following the run on this replica, and writes them
 * to the {@link RunEventLog} in small batches, one batch after the other, so a reader of the log never sees a
 * later event before an earlier one. The terminal event is stored before any reader receives it.
 */
public final class RunStreamWriter {

    private static final Logger LOG = Logger.getLogger(RunStreamWriter.class);
    private static final Duration BATCH_WINDOW = Duration.ofMillis(50);

    private final RunKey runId;
    private final RunEventLog log;
    private final List<StreamEvent> history = new ArrayList<>();
    private final List<MultiEmitter<? super StreamEvent>> listeners = new ArrayList<>();
    private final List<StreamEvent> pending = new ArrayList<>();
    private boolean ended;
    private int seq;
    private boolean flushScheduled;
    private Uni<Void> writes = Uni.createFrom().voidItem();

    public RunStreamWriter(RunKey runId, RunEventLog log) {
        this.runId = runId;
        this.log = log;
    }

    /**
     * The run's events after {@code since}: those so far, then each as it happens, with no gap between the two;
     * ends after the terminal event. For readers on the replica running it.
     */
    public Multi<StreamEvent> follow(int since) {
        return Multi.createFrom().emitter(emitter -> {
            synchronized (this) {
                history.stream().filter(e -> e.seq() > since).forEach(emitter::emit);
                if (ended) {
                    emitter.complete();
                    return;
                }
                listeners.add(emitter);
            }
            emitter.onTermination(() -> {
                synchronized (this) {
                    listeners.remove(emitter);
                }
            });
        });
    }

    public synchronized void text(String chunk) {
        if (chunk != null && !chunk.isEmpty()) {
            emit(StreamEvent.text(++seq, chunk));
        }
    }

    /** Emits the event made for the next sequence number. */
    public synchronized void event(IntFunction<StreamEvent> event) {
        emit(event.apply(++seq));
    }

    /** Writes the terminal event and everything still pending, then hands it to the readers and ends them. */
    public Uni<Void> finish(IntFunction<StreamEvent> terminal) {
        StreamEvent last;
        Uni<Void> written;
        synchronized (this) {
            last = terminal.apply(++seq);
            pending.add(last);
            written = flush();
        }
        return written.invoke(() -> {
            List<MultiEmitter<? super StreamEvent>> readers;
            synchronized (this) {
                history.add(last);
                ended = true;
                readers = List.copyOf(listeners);
                listeners.clear();
            }
            for (MultiEmitter<? super StreamEvent> reader : readers) {
                reader.emit(last);
                reader.complete();
            }
        });
    }

    private void emit(StreamEvent event) {
        pending.add(event);
        history.add(event);
        for (MultiEmitter<? super StreamEvent> reader : listeners) {
            reader.emit(event);
        }
        if (!flushScheduled) {
            flushScheduled = true;
            Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(BATCH_WINDOW)
                    .chain(() -> {
                        synchronized (this) {
                            return flush();
                        }
                    })
                    .subscribe()
                    .with(ignored -> {}, e -> LOG.warnf(e, "run %s: stream events not stored", runId.id()));
        }
    }

    /** Chains a write of everything pending after the previous write; call with the lock held. */
    private Uni<Void> flush() {
        flushScheduled = false;
        List<StreamEvent> batch = List.copyOf(pending);
        pending.clear();
        writes = writes.onFailure()
                .recoverWithNull()
                .chain(() -> log.append(runId, batch))
                .memoize()
                .indefinitely();
        return writes;
    }
}
