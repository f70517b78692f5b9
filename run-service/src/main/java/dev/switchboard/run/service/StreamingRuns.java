package dev.switchboard.run.service;

import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.rest.RunRequest;
import dev.switchboard.run.rest.RunView;
import dev.switchboard.run.stream.CancelSignal;
import dev.switchboard.run.stream.RunEventLog;
import dev.switchboard.run.stream.RunExecutions;
import dev.switchboard.run.stream.RunStreamWriter;
import dev.switchboard.run.stream.StreamEvent;
import dev.switchboard.run.tool.ToolStep;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Streamed runs: the run is admitted like a buffered one, then taken through the same {@link RunSteps} detached
 * from the request (see {@link RunExecutions}); the client that started it receives each chunk of the answer as the model sends it,
 * and every event is stored so the stream can be replayed. The answer, or the part of it produced before a
 * cancel, is stored in the thread exactly like a buffered one.
 */
@ApplicationScoped
public class StreamingRuns {

    private final RunService runs;
    private final RunAdmission admission;
    private final RunSteps steps;
    private final RunAnswers answers;
    private final RunLedger ledger;
    private final RunEventLog log;
    private final RunExecutions executions;

    public StreamingRuns(
            RunService runs,
            RunAdmission admission,
            RunSteps steps,
            RunAnswers answers,
            RunLedger ledger,
            RunEventLog log,
            RunExecutions executions) {
        this.runs = runs;
        this.admission = admission;
        this.steps = steps;
        this.answers = answers;
        this.ledger = ledger;
        this.log = log;
        this.executions = executions;
    }

    /** A started run, executing detached from the request. */
    public record Started(UUID runId, String threadId) {}

    /** Starts the run once its agent and thread are found (a 4xx otherwise); its stream is then readable. */
    public Uni<Started> start(Caller caller, RunRequest request) {
        return admission.prepare(caller, request).map(prepared -> {
            Run run = prepared.run();
            RunStreamWriter writer = new RunStreamWriter(run.key(), log);
            executions.launch(
                    run.key(),
                    run.cancelRequestedAt != null,
                    writer,
                    (signal, onContext) ->
                            execute(caller, prepared, request.userMessageId(), writer, signal, onContext));
            return new Started(run.id, run.threadId);
        });
    }

    /**
     * Starts again, detached, a run taken over from a replica that stopped before the model had produced anything:
     * its stream (empty so far) is written from its first event, so readers on any replica receive it.
     */
    void restart(Caller caller, RunAdmission.Prepared prepared, UUID userMessageId) {
        Run run = prepared.run();
        RunStreamWriter writer = new RunStreamWriter(run.key(), log);
        executions.launch(
                run.key(),
                run.cancelRequestedAt != null,
                writer,
                (signal, onContext) -> execute(caller, prepared, userMessageId, writer, signal, onContext));
    }

    /**
     * Cancels the run: here at once, on another replica within a second. The run once it has stopped (its
     * answer so far stored), or null when no such run exists yet: the cancel then waits for a run of that id.
     */
    public Uni<RunView> cancel(Caller caller, String id) {
        Context context = Vertx.currentContext();
        return Uni.createFrom()
                .item(() -> RunService.runId(id))
                .chain(runId -> ledger.requestCancel(caller, runId))
                .chain(run -> {
                    if (run == null) {
                        return Uni.createFrom().nullItem();
                    }
                    executions.cancelHere(run.key());
                    return executions
                            .awaitEnd(run.key(), Duration.ofSeconds(3))
                            .emitOn(task -> context.runOnContext(ignored -> task.run()))
                            .chain(ended -> runs.find(caller, id));
                });
    }

    private Uni<Void> execute(
            Caller caller,
            RunAdmission.Prepared prepared,
            UUID userMessageId,
            RunStreamWriter writer,
            CancelSignal signal,
            Executor onContext) {
        ToolLoop.Listener listener = new ToolLoop.Listener() {
            @Override
            public void text(String chunk) {
                writer.text(chunk);
            }

            @Override
            public void step(ToolStep step) {
                writer.event(seq -> answers.toolCallEvent(seq, step));
            }
        };
        return steps.take(caller, prepared, userMessageId, listener, signal, onContext)
                .chain(ended -> ended.result().cancelled()
                        ? writer.finish(
                                seq -> StreamEvent.cancelled(seq, ended.result().text()))
                        : writer.finish(StreamEvent::done))
                .onFailure()
                .recoverWithUni(failure -> {
                    String message = RunSteps.answer(prepared.run().id, failure).getMessage();
                    return steps.fail(
                                    prepared.run().key(),
                                    message,
                                    () -> Uni.createFrom().voidItem())
                            .chain(() -> writer.finish(seq -> StreamEvent.error(seq, message)));
                });
    }
}
