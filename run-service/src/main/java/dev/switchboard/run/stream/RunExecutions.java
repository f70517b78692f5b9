package dev.switchboard.run.stream;

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
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * The runs executing on this replica. Each runs detached from the request that started it (a client that
 * goes away does not stop it) on a Vert.x context of its own, and can be cancelled: at once when the cancel
 * request reaches this replica, or within {@link #CANCEL_POLL} when it reaches another one (it marks the run
 * in the database, which every executing run checks).
 */
@ApplicationScoped
public class RunExecutions {

    static final Duration CANCEL_POLL = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(RunExecutions.class);

    /** A run executing here: how to stop it, and its stream for readers on this replica. */
    private record Execution(CancelSignal signal, RunStreamWriter stream) {
    }

    private final Map<UUID, Execution> running = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Pool pool;

    public RunExecutions(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /** Starts {@code body(signal, executor)}; {@code executor} runs work on the run's own Vert.x context. */
    public void launch(UUID runId, String orgId, RunStreamWriter stream,
            BiFunction<CancelSignal, Executor, Uni<Void>> body) {
        CancelSignal signal = new CancelSignal();
        running.put(runId, new Execution(signal, stream));
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // a context of its own for the run's transactions, apart from the request that started it
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        Cancellable poll = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(CANCEL_POLL)
                // a check slower than the interval skips ticks rather than failing the poll for good
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> cancelRequested(orgId, runId))
                .filter(Boolean::booleanValue)
                .select().first()
                .subscribe().with(requested -> signal.cancel(), e -> LOG.warnf(e, "run %s: cancel check", runId));
        onContext.execute(() -> body.apply(signal, onContext)
                .eventually(() -> {
                    running.remove(runId);
                    poll.cancel();
                })
                .subscribe().with(done -> { }, e -> LOG.errorf(e, "run %s ended with an error", runId)));
    }

    /** Cancels the run if it executes here; false if it does not (it may run on another replica). */
    public boolean cancelHere(UUID runId) {
        Execution execution = running.get(runId);
        if (execution == null) {
            return false;
        }
        execution.signal().cancel();
        return true;
    }

    /** The stream of the run if it executes here. */
    public RunStreamWriter streamHere(UUID runId) {
        Execution execution = running.get(runId);
        return execution == null ? null : execution.stream();
    }

    /** Waits (up to {@code limit}) until the run has ended; whether it did. Works on any thread. */
    public Uni<Boolean> awaitEnd(UUID runId, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery("select status from runs where id = $1").execute(Tuple.of(runId))
                        .map(rows -> rows.size() > 0 && List.of("completed", "failed", "cancelled")
                                .contains(rows.iterator().next().getString(0))))
                .withDelay(Duration.ofMillis(25))
                .whilst(ended -> !ended && System.nanoTime() < deadline)
                .collect().last();
    }

    /** Whether someone asked to cancel the run (on it, or before it existed). Works on any thread. */
    public Uni<Boolean> cancelRequested(String orgId, UUID runId) {
        return pool.preparedQuery("select exists (select 1 from runs where id = $1 and cancel_requested_at is not null) "
                        + "or exists (select 1 from run_cancellations where run_id = $1 and org_id = $2)")
                .execute(Tuple.of(runId, orgId)).map(rows -> rows.iterator().next().getBoolean(0));
    }
}
