package dev.switchboard.run.service;

import dev.switchboard.run.ApiException;
import dev.switchboard.run.Run;
import dev.switchboard.run.Timestamps;
import dev.switchboard.run.event.RunEventFactory;
import dev.switchboard.run.event.RunEventType;
import dev.switchboard.run.provider.ModelReply;
import dev.switchboard.run.repository.OutboxRepository;
import dev.switchboard.run.repository.RunRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Every change of a run, each in one short transaction together with the outbox row of its event.
 * No transaction here ever waits on another service.
 */
@ApplicationScoped
public class RunLedger {

    private final RunRepository runs;
    private final OutboxRepository outbox;
    private final RunEventFactory events;

    public RunLedger(RunRepository runs, OutboxRepository outbox, RunEventFactory events) {
        this.runs = runs;
        this.outbox = outbox;
        this.events = events;
    }

    /** Stores the new run (in progress) and its {@code run.started} event. */
    @WithTransaction
    public Uni<Run> begin(Run run) {
        return runs.findById(run.id).chain(taken -> taken != null
                ? Uni.createFrom().failure(new ApiException(409, "conflict", "run id " + run.id + " is taken", "runId"))
                : runs.persist(run).call(started -> outbox.persist(events.outboxRow(RunEventType.STARTED, started))));
    }

    /** Marks the run completed with the model's answer and writes {@code run.completed}. */
    @WithTransaction
    public Uni<Run> complete(UUID runId, ModelReply reply) {
        return complete(runId, reply, null, List.of());
    }

    /** Like {@link #complete(UUID, ModelReply)}, with the run's tool calls (JSON) and the tool of each. */
    @WithTransaction
    public Uni<Run> complete(UUID runId, ModelReply reply, String toolCalls, List<String> toolsUsed) {
        return runs.findById(runId)
                .invoke(run -> {
                    run.complete(reply.content(), reply.inputTokens(), reply.outputTokens(), Timestamps.now());
                    run.toolCalls = toolCalls;
                    run.toolsUsed = toolsUsed.toArray(String[]::new);
                })
                .call(run -> outbox.persist(events.outboxRow(RunEventType.COMPLETED, run)));
    }

    /** Marks the run failed with the error and writes {@code run.failed}. */
    @WithTransaction
    public Uni<Run> fail(UUID runId, String error) {
        return runs.findById(runId)
                .invoke(run -> run.fail(error, Timestamps.now()))
                .call(run -> outbox.persist(events.outboxRow(RunEventType.FAILED, run)));
    }

    /** Marks the run cancelled, keeping the answer so far, and writes {@code run.cancelled}. */
    @WithTransaction
    public Uni<Run> cancel(UUID runId, String partialAnswer, int inputTokens, int outputTokens, String toolCalls,
            List<String> toolsUsed) {
        return runs.findById(runId)
                .invoke(run -> {
                    run.cancel(partialAnswer, inputTokens, outputTokens, Timestamps.now());
                    run.toolCalls = toolCalls;
                    run.toolsUsed = toolsUsed.toArray(String[]::new);
                })
                .call(run -> outbox.persist(events.outboxRow(RunEventType.CANCELLED, run)));
    }

    /**
     * Records a request to cancel: on the run if it exists in the org and is still going (the replica running it
     * sees the mark within a second), else as a cancellation waiting for a run of that id. The run, or null.
     */
    @WithTransaction
    public Uni<Run> requestCancel(String orgId, UUID runId) {
        return runs.findInOrg(orgId, runId).call(run -> {
            if (run == null) {
                return runs.getSession().chain(session -> session.createNativeQuery(
                                "insert into run_cancellations (run_id, org_id, requested_at) values (?1, ?2, ?3) "
                                        + "on conflict do nothing")
                        .setParameter(1, runId).setParameter(2, orgId).setParameter(3, Timestamps.now())
                        .executeUpdate());
            }
            if (!run.status.terminal() && run.cancelRequestedAt == null) {
                run.cancelRequestedAt = Timestamps.now();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The run if it belongs to the org, else null. */
    @WithTransaction
    public Uni<Run> find(String orgId, UUID runId) {
        return runs.findInOrg(orgId, runId);
    }
}
