package dev.switchboard.run.service;

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
        return runs.persist(run)
                .call(started -> outbox.persist(events.outboxRow(RunEventType.STARTED, started)));
    }

    /** Marks the run completed with the model's answer and writes {@code run.completed}. */
    @WithTransaction
    public Uni<Run> complete(UUID runId, ModelReply reply) {
        return runs.findById(runId)
                .invoke(run -> run.complete(reply.content(), reply.inputTokens(), reply.outputTokens(),
                        Timestamps.now()))
                .call(run -> outbox.persist(events.outboxRow(RunEventType.COMPLETED, run)));
    }

    /** Marks the run failed with the error and writes {@code run.failed}. */
    @WithTransaction
    public Uni<Run> fail(UUID runId, String error) {
        return runs.findById(runId)
                .invoke(run -> run.fail(error, Timestamps.now()))
                .call(run -> outbox.persist(events.outboxRow(RunEventType.FAILED, run)));
    }

    /** The run if it belongs to the org, else null. */
    @WithTransaction
    public Uni<Run> find(String orgId, UUID runId) {
        return runs.findInOrg(orgId, runId);
    }
}
