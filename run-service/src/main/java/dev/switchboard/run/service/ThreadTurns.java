package dev.switchboard.run.service;

import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunKey;
import dev.switchboard.run.RunStatus;
import dev.switchboard.run.stream.RunExecutions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One thread, one active run. A run sent while another of its thread is still going follows its
 * {@code multitaskStrategy}: {@code enqueue} (the default) waits its turn, status {@code queued}; {@code reject}
 * is 409; {@code interrupt} cancels the running ones first. A run that has not moved for
 * {@link #STALE_AFTER} (its replica died) no longer holds the thread.
 */
@ApplicationScoped
public class ThreadTurns {

    public static final List<String> STRATEGIES = List.of("enqueue", "reject", "interrupt");
    static final Duration STALE_AFTER = Duration.ofMinutes(15);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);

    private final Pool pool;
    private final RunExecutions executions;

    public ThreadTurns(Pool pool, RunExecutions executions) {
        this.pool = pool;
        this.executions = executions;
    }

    /** Before the run is recorded: whether it may start now ({@code false}: it is to queue), or a 409. */
    Uni<Boolean> admit(String orgId, String threadId, String strategy) {
        String chosen = strategy == null ? "enqueue" : strategy;
        return active(orgId, threadId, null).chain(running -> {
            if (running.isEmpty()) {
                return Uni.createFrom().item(true);
            }
            return switch (chosen) {
                case "reject" ->
                    Uni.createFrom()
                            .failure(new ApiException(
                                    409,
                                    "conflict",
                                    "thread " + threadId
                                            + " has a run in progress (" + running.get(0)
                                            + "); wait for it, or send multitaskStrategy "
                                            + "enqueue or interrupt",
                                    "multitaskStrategy"));
                case "interrupt" -> interrupt(orgId, threadId, running).replaceWith(true);
                default -> Uni.createFrom().item(false);
            };
        });
    }

    /** Waits until no older run of the thread is active, then marks the run in progress. */
    /** At once for a run that may start; a queued run first waits for its turn ({@link #awaitTurn}). */
    Uni<Void> ready(Run run) {
        return run.status == RunStatus.QUEUED
                ? awaitTurn(run)
                : Uni.createFrom().voidItem();
    }

    Uni<Void> awaitTurn(Run run) {
        return Multi.createBy()
                .repeating()
                .uni(() -> active(run.orgId, run.threadId, run))
                .withDelay(POLL)
                .whilst(older -> !older.isEmpty())
                .collect()
                .last()
                .chain(ignored -> pool.preparedQuery("update runs set status = 'in_progress', started_at = now(), "
                                + "updated_at = now() where org_id = $1 and id = $2 and status = 'queued'")
                        .execute(Tuple.of(run.orgId, run.id)))
                .replaceWithVoid();
    }

    private Uni<Void> interrupt(String orgId, String threadId, List<UUID> running) {
        for (UUID id : running) {
            executions.cancelHere(new RunKey(orgId, id));
        }
        UUID[] ids = running.toArray(UUID[]::new);
        return pool.preparedQuery("update runs set cancel_requested_at = now() where org_id = $1 and id = any($2) "
                        + "and cancel_requested_at is null")
                .execute(Tuple.of(orgId, ids))
                .chain(() -> Multi.createBy()
                        .repeating()
                        .uni(() -> active(orgId, threadId, null))
                        .withDelay(POLL)
                        .whilst(still -> !still.isEmpty())
                        .select()
                        .first(INTERRUPT_WAIT.toMillis() / POLL.toMillis())
                        .collect()
                        .last())
                .replaceWithVoid();
    }

    /** The thread's active runs (older than {@code run}, if given), oldest first. */
    private Uni<List<UUID>> active(String orgId, String threadId, Run run) {
        String sql = "select id from runs where org_id = $1 and thread_id = $2 "
                + "and status in ('queued', 'in_progress') and updated_at > $3"
                + (run == null ? "" : " and id <> $4 and (created_at, id) < ($5, $4)") + " order by created_at";
        Tuple args =
                Tuple.of(orgId, threadId, OffsetDateTime.now(ZoneOffset.UTC).minus(STALE_AFTER));
        if (run != null) {
            args.addValue(run.id).addValue(run.createdAt.atOffset(ZoneOffset.UTC));
        }
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getUUID(0));
            }
            return ids;
        });
    }
}
