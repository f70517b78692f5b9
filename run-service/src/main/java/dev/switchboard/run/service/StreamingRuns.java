package dev.switchboard.run.service;

import dev.switchboard.platform.events.OutboxRelay;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.provider.ProviderException;
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
import org.jboss.logging.Logger;

/**
 * Streamed runs: the run starts like a buffered one, then executes detached from the request (see
 * {@link RunExecutions}); the client that started it receives each chunk of the answer as the model sends it,
 * and every event is stored so the stream can be replayed. The answer, or the part of it produced before a
 * cancel, is stored in the thread exactly like a buffered one.
 */
@ApplicationScoped
public class StreamingRuns {

    private static final Logger LOG = Logger.getLogger(StreamingRuns.class);

    private final RunService runs;
    private final RunAdmission admission;
    private final RunPrompts prompts;
    private final ThreadTurns turns;
    private final RunAnswers answers;
    private final RunLedger ledger;
    private final OutboxRelay relay;
    private final RunEventLog log;
    private final RunExecutions executions;

    public StreamingRuns(
            RunService runs,
            RunAdmission admission,
            RunPrompts prompts,
            ThreadTurns turns,
            RunAnswers answers,
            RunLedger ledger,
            OutboxRelay relay,
            RunEventLog log,
            RunExecutions executions) {
        this.runs = runs;
        this.admission = admission;
        this.prompts = prompts;
        this.turns = turns;
        this.answers = answers;
        this.ledger = ledger;
        this.relay = relay;
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
                    (signal, onContext) -> execute(caller, prepared, request, writer, signal, onContext));
            return new Started(run.id, run.threadId);
        });
    }

    /**
     * Cancels the run: here at once, on another replica within a second. The run once it has stopped (its
     * answer so far stored), or null when no such run exists yet: the cancel then waits for a run of that id.
     */
    public Uni<RunView> cancel(Caller caller, String id) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ApiException.notFound("run " + id + " not found"));
        }
        Context context = Vertx.currentContext();
        return ledger.requestCancel(caller, runId).chain(run -> {
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
            RunRequest request,
            RunStreamWriter writer,
            CancelSignal signal,
            Executor onContext) {
        Run run = prepared.run();
        String auth = caller.authorization();
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
        return turns.ready(run)
                .emitOn(onContext)
                .chain(() -> prompts.ask(caller, prepared, request.userMessageId()))
                .chain(asked -> answers.answer(prepared.agent(), prepared.route(), asked.model(), listener, signal)
                        .call(asked::stored)
                        .emitOn(onContext)
                        .chain(result -> result.cancelled()
                                ? answers.cancel(run, RunAnswers.estimated(result, asked.model()), auth)
                                        .invoke(relay::nudge)
                                        .chain(() -> writer.finish(seq -> StreamEvent.cancelled(seq, result.text())))
                                : answers.complete(run, result, auth)
                                        .invoke(relay::nudge)
                                        .chain(() -> writer.finish(StreamEvent::done))))
                .onFailure()
                .recoverWithUni(failure -> failed(run, failure, writer));
    }

    private Uni<Void> failed(Run run, Throwable failure, RunStreamWriter writer) {
        String message = failure instanceof ApiException || failure instanceof ProviderException
                ? failure.getMessage()
                : "the run failed";
        if (failure instanceof ProviderException provider) {
            LOG.warnf("streamed run %s failed: %s", run.id, provider.detail());
        } else if (!(failure instanceof ApiException)) {
            LOG.errorf(failure, "streamed run %s failed", run.id);
        }
        return ledger.fail(run.key(), message)
                .invoke(relay::nudge)
                .onFailure()
                .invoke(e -> LOG.errorf(e, "could not mark run %s failed", run.id))
                .onItemOrFailure()
                .transformToUni((ignored, e) -> writer.finish(seq -> StreamEvent.error(seq, message)));
    }
}
