package dev.switchboard.run.stream;

import dev.switchboard.run.RunKey;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The runs executing on this replica, buffered or streamed. A streamed run runs detached from the request (a
 * client that goes away does not stop it) on a Vert.x context of its own. Every run can be cancelled: at once when
 * the cancel request reaches this replica, or within {@link #CANCEL_POLL} when it reaches another one (it marks
 * the run in the database, which every executing run checks).
 */
@ApplicationScoped
public class RunExecutions {

    static final Duration CANCEL_POLL = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(RunExecutions.class);

    /** A run executing here: how to stop it, its stream for readers on this replica (null: buffered), its poll. */
    private record Execution(CancelSignal signal, RunStreamWriter stream, Cancellable poll) {}

    private final Map<RunKey, Execution> running = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Pool pool;

    public RunExecutions(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /**
     * Starts {@code body(signal, executor)} detached from the caller; {@code executor} runs work on the run's own
     * Vert.x context. {@code cancelled}: a cancel was requested before the run started.
     */
    public void launch(
            RunKey run, boolean cancelled, RunStreamWriter stream, BiFunction<CancelSignal, Executor, Uni<Void>> body) {
        CancelSignal signal = track(run, cancelled, stream);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // a context of its own for the run's transactions, apart from the request that started it
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        onContext.execute(() -> body.apply(signal, onContext)
                .eventually(() -> untrack(run))
                .subscribe()
                .with(done -> {}, e -> LOG.errorf(e, "run %s ended with an error", run.id())));
    }

    /**
     * Runs {@code body} on a Vert.x context of its own (where its transactions belong), from any thread, e.g. a
     * scheduled task's.
     */
    public <T> Uni<T> onOwnContext(Supplier<Uni<T>> body) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .emitter(emitter -> context.runOnContext(ignored ->
                        Uni.createFrom().<T>deferred(body::get).subscribe().with(emitter::complete, emitter::fail)));
    }

    /**
     * Registers a run executing here (a buffered one, in the request that waits for it) and answers the signal that
     * stops it; {@link #untrack} when it has ended. {@code cancelled}: raised at once.
     */
    public CancelSignal track(RunKey run, boolean cancelled, RunStreamWriter stream) {
        CancelSignal signal = new CancelSignal();
        if (cancelled) {
            signal.cancel();
        }
        Cancellable poll = Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .every(CANCEL_POLL)
                // a check slower than the interval skips ticks rather than failing the poll for good
                .onOverflow()
                .drop()
                .onItem()
                .transformToUniAndConcatenate(tick -> cancelRequested(run))
                .filter(Boolean::booleanValue)
                .select()
                .first()
                .subscribe()
                .with(requested -> signal.cancel(), e -> LOG.warnf(e, "run %s: cancel check", run.id()));
        running.put(run, new Execution(signal, stream, poll));
        return signal;
    }

    public void untrack(RunKey run) {
        Execution execution = running.remove(run);
        if (execution != null) {
            execution.poll().cancel();
        }
    }

    /** The runs executing on this replica now. */
    public Set<RunKey> executing() {
        return Set.copyOf(running.keySet());
    }

    /** Cancels the run if it executes here; false if it does not (it may run on another replica). */
    public boolean cancelHere(RunKey run) {
        Execution execution = running.get(run);
        if (execution == null) {
            return false;
        }
        execution.signal().cancel();
        return true;
    }

    /** The stream of the run if it is streamed here. */
    public RunStreamWriter streamHere(RunKey run) {
        Execution execution = running.get(run);
        return execution == null ? null : execution.stream();
    }

    /** Waits (up to {@code limit}) until the run has ended; whether it did. Works on any thread. */
    public Uni<Boolean> awaitEnd(RunKey run, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        return Multi.createBy()
                .repeating()
                .uni(() -> pool.preparedQuery("select status from runs where org_id = $1 and id = $2")
                        .execute(Tuple.of(run.orgId(), run.id()))
                        .map(rows -> rows.size() > 0
                                && List.of("completed", "failed", "cancelled")
                                        .contains(rows.iterator().next().getString(0))))
                .withDelay(Duration.ofMillis(25))
                .whilst(ended -> !ended && System.nanoTime() < deadline)
                .collect()
                .last();
    }

    /** Whether someone asked to cancel the run (on it, or before it existed). Works on any thread. */
    Uni<Boolean> cancelRequested(RunKey run) {
        return pool.preparedQuery("select exists (select 1 from runs where org_id = $1 and id = $2 "
                        + "and cancel_requested_at is not null) "
                        + "or exists (select 1 from run_cancellations where org_id = $1 and run_id = $2)")
                .execute(Tuple.of(run.orgId(), run.id()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }
}
