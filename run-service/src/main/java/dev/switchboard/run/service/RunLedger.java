package dev.switchboard.run.service;

import dev.switchboard.platform.events.OutboxEvent;
import dev.switchboard.platform.events.OutboxRepository;
import dev.switchboard.platform.web.Timestamps;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunKey;
import dev.switchboard.run.event.RunEventFactory;
import dev.switchboard.run.event.RunEventType;
import dev.switchboard.run.lease.RunReplica;
import dev.switchboard.run.provider.ModelReply;
import dev.switchboard.run.repository.RunRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every change of a run, each in one short transaction together with the outbox row of its event.
 * No transaction here ever waits on another service.
 */
@ApplicationScoped
public class RunLedger {

    private final RunRepository runs;
    private final OutboxRepository outbox;
    private final RunEventFactory events;
    private final Pool pool;
    private final RunReplica replica;

    public RunLedger(
            RunRepository runs, OutboxRepository outbox, RunEventFactory events, Pool pool, RunReplica replica) {
        this.pool = pool;
        this.replica = replica;
        this.runs = runs;
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * The new run and its {@code run.started} event, both or neither: one statement, so one round trip and one
     * transaction on the run's way to the model (409 {@code runId} when a run of the org already has the id). A
     * cancel requested for the id before the run existed is used up here: the run starts marked for cancelling.
     */
    private static final String BEGIN = "with pending as (delete from run_cancellations where run_id = $1 "
            + "and org_id = $2 returning requested_at), "
            + "run as (insert into runs (id, org_id, user_id, agent_id, agent_numeric_id, agent_name, agent_handle, "
            + "thread_id, status, model, provider, input, created_at, started_at, updated_at, tools_used, "
            + "cancel_requested_at, owner, heartbeat_at, user_message_id, caller_authorization) values ($1, $2, $3, $4, "
            + "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, (select max(requested_at) from pending), $22, "
            + "now(), $23, $24) on conflict (org_id, id) do nothing "
            + "returning cancel_requested_at), "
            + "event as (insert into outbox_events (event_id, topic, record_key, payload, created_at) "
            + "select $17, $18, $19, $20, $21 from run returning id) "
            + "select run.cancel_requested_at from run, event";

    /** Stores the new run (in progress, or queued) and its {@code run.started} event. */
    public Uni<Run> begin(Run run) {
        OutboxEvent started = events.outboxRow(RunEventType.STARTED, run);
        Tuple values = Tuple.from(Arrays.asList(
                run.id,
                run.orgId,
                run.userId,
                run.agentId,
                run.agentNumericId,
                run.agentName,
                run.agentHandle,
                run.threadId,
                run.status.value(),
                run.model,
                run.provider,
                run.input,
                utc(run.createdAt),
                utc(run.startedAt),
                utc(run.updatedAt),
                new String[0],
                started.eventId,
                started.topic,
                started.recordKey,
                started.payload,
                utc(started.createdAt),
                replica.id(),
                run.userMessageId,
                run.callerAuthorization));
        return pool.preparedQuery(BEGIN).execute(values).map(rows -> {
            if (rows.size() == 0) {
                throw new ApiException(409, "conflict", "run id " + run.id + " is taken", "runId");
            }
            OffsetDateTime cancelled = rows.iterator().next().getOffsetDateTime(0);
            run.cancelRequestedAt = cancelled == null ? null : cancelled.toInstant();
            return run;
        });
    }

    /** Deletes cancels requested before {@code before} for run ids no run took; how many went. */
    public Uni<Integer> deleteCancellationsBefore(Instant before) {
        return pool.preparedQuery("delete from run_cancellations where requested_at < $1")
                .execute(Tuple.of(utc(before)))
                .map(rows -> rows.rowCount());
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    /** Marks the run completed with the model's answer and writes {@code run.completed}. */
    @WithTransaction
    public Uni<Run> complete(RunKey runId, ModelReply reply) {
        return complete(runId, reply, null, List.of());
    }

    /** Like {@link #complete(RunKey, ModelReply)}, with the run's tool calls (JSON) and the tool of each. */
    @WithTransaction
    public Uni<Run> complete(RunKey runId, ModelReply reply, String toolCalls, List<String> toolsUsed) {
        return change(
                runId,
                run -> run.complete(
                        reply.content(),
                        reply.inputTokens(),
                        reply.outputTokens(),
                        toolCalls,
                        toolsUsed,
                        Timestamps.now()),
                RunEventType.COMPLETED);
    }

    /** Marks the run failed with the error and writes {@code run.failed}. */
    @WithTransaction
    public Uni<Run> fail(RunKey runId, String error) {
        return change(runId, run -> run.fail(error, Timestamps.now()), RunEventType.FAILED);
    }

    /**
     * Marks the run failed because its replica stopped ({@code worker_lost}), keeping what it had produced, and
     * writes {@code run.failed}; null if it had ended meanwhile.
     */
    @WithTransaction
    public Uni<Run> lose(RunKey runId, String partialAnswer, String toolCalls, List<String> toolsUsed, String error) {
        return runs.findById(runId)
                .call(run -> {
                    if (run == null || run.status.terminal()) {
                        return Uni.createFrom().nullItem();
                    }
                    run.lose(partialAnswer, toolCalls, toolsUsed, error, Timestamps.now());
                    return outbox.persist(events.outboxRow(RunEventType.FAILED, run));
                })
                .map(run -> run != null && run.errorCode != null ? run : null);
    }

    /** The run as stored, or null. */
    @WithTransaction
    public Uni<Run> load(RunKey runId) {
        return runs.findById(runId);
    }

    /** Marks the run cancelled, keeping the answer so far, and writes {@code run.cancelled}. */
    @WithTransaction
    public Uni<Run> cancel(
            RunKey runId,
            String partialAnswer,
            int inputTokens,
            int outputTokens,
            String toolCalls,
            List<String> toolsUsed) {
        return change(
                runId,
                run -> run.cancel(partialAnswer, inputTokens, outputTokens, toolCalls, toolsUsed, Timestamps.now()),
                RunEventType.CANCELLED);
    }

    /** Changes the stored run and writes the event of the change (in the caller's transaction). */
    private Uni<Run> change(RunKey runId, Consumer<Run> change, RunEventType event) {
        return runs.findById(runId).invoke(change).call(run -> outbox.persist(events.outboxRow(event, run)));
    }

    /**
     * Records a request to cancel: on the run if it exists in the org and is still going (the replica running it
     * sees the mark within a second), else as a cancellation waiting for a run of that id in the org (kept for
     * {@code switchboard.runs.cancellation-retention}). The run, or null; a run the caller does not reach (another
     * member's) is not touched: 404.
     */
    @WithTransaction
    public Uni<Run> requestCancel(Caller caller, UUID runId) {
        String orgId = caller.orgId();
        return runs.findInOrg(orgId, runId).call(run -> {
            if (run != null && !caller.reaches(run)) {
                throw ApiException.notFound("run " + runId + " not found");
            }
            if (run == null) {
                return runs.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "insert into run_cancellations (run_id, org_id, requested_at) values (?1, ?2, ?3) "
                                                + "on conflict do nothing")
                                .setParameter(1, runId)
                                .setParameter(2, orgId)
                                .setParameter(3, Timestamps.now())
                                .executeUpdate());
            }
            if (!run.status.terminal() && run.cancelRequestedAt == null) {
                run.cancelRequestedAt = Timestamps.now();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The run if the caller reaches it (see {@link Caller#reaches}), else null. */
    @WithTransaction
    public Uni<Run> find(Caller caller, UUID runId) {
        return runs.findInOrg(caller.orgId(), runId).map(run -> run != null && caller.reaches(run) ? run : null);
    }
}
