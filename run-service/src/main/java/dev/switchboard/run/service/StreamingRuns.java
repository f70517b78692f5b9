package dev.switchboard.run.service;

import dev.switchboard.run.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.event.OutboxRelay;
import dev.switchboard.run.provider.ModelEvent;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.provider.ModelReply;
import dev.switchboard.run.provider.ModelRequest;
import dev.switchboard.run.provider.ModelRoute;
import dev.switchboard.run.provider.ProviderException;
import dev.switchboard.run.provider.TokenEstimate;
import dev.switchboard.run.rest.RunRequest;
import dev.switchboard.run.rest.RunView;
import dev.switchboard.run.stream.CancelSignal;
import dev.switchboard.run.stream.RunEventLog;
import dev.switchboard.run.stream.RunExecutions;
import dev.switchboard.run.stream.RunStreamWriter;
import dev.switchboard.run.stream.StreamEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Streamed runs: the run starts like a buffered one, then executes detached from the request (see
 * {@link RunExecutions}); the client that started it receives each chunk of the answer as the model sends it,
 * and every event is stored so the stream can be replayed. The answer, or the part of it produced before a
 * cancel, is stored in the thread exactly like a buffered one.
 */
@ApplicationScoped
public class StreamingRuns {

    private static final Logger LOG = Logger.getLogger(StreamingRuns.class);

    /** How a run's model phase ended. */
    private record Outcome(ModelReply reply, boolean cancelled) {
    }

    private final RunService runs;
    private final ModelProviders providers;
    private final RunLedger ledger;
    private final OutboxRelay relay;
    private final RunEventLog log;
    private final RunExecutions executions;

    public StreamingRuns(RunService runs, ModelProviders providers, RunLedger ledger, OutboxRelay relay,
            RunEventLog log, RunExecutions executions) {
        this.runs = runs;
        this.providers = providers;
        this.ledger = ledger;
        this.relay = relay;
        this.log = log;
        this.executions = executions;
    }

    /** A started run, executing detached from the request. */
    public record Started(UUID runId, String threadId) {
    }

    /** Starts the run once its agent and thread are found (a 4xx otherwise); its stream is then readable. */
    public Uni<Started> start(Caller caller, RunRequest request) {
        return runs.prepare(caller, request).map(prepared -> {
            Run run = prepared.run();
            RunStreamWriter writer = new RunStreamWriter(run.id, log);
            executions.launch(run.id, run.orgId, writer, (signal, onContext) ->
                    execute(caller, prepared, request, writer, signal, onContext));
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
            return Uni.createFrom().failure(ApiException.notFound(null, "run " + id + " not found"));
        }
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return ledger.requestCancel(caller.orgId(), runId).chain(run -> {
            if (run == null) {
                return Uni.createFrom().nullItem();
            }
            executions.cancelHere(runId);
            return executions.awaitEnd(runId, java.time.Duration.ofSeconds(3))
                    .emitOn(task -> context.runOnContext(ignored -> task.run()))
                    .chain(ended -> runs.find(caller, id));
        });
    }

    private Uni<Void> execute(Caller caller, RunService.Prepared prepared, RunRequest request, RunStreamWriter writer,
            CancelSignal signal, Executor onContext) {
        Run run = prepared.run();
        StringBuilder answer = new StringBuilder();
        return executions.cancelRequested(run.orgId, run.id).invoke(requested -> {
                    if (requested) {
                        signal.cancel();
                    }
                })
                .emitOn(onContext)
                .chain(() -> runs.modelRequest(caller, prepared.agent(), run, prepared.route(),
                        request.userMessageId()))
                .chain(model -> modelPhase(prepared.route(), model, writer, answer, signal).emitOn(onContext)
                        .chain(outcome -> outcome.cancelled()
                                ? cancelled(caller, run, answer.toString(), model, writer)
                                : completed(caller, run, outcome.reply(), writer)))
                .onFailure().recoverWithUni(failure -> failed(run, failure, writer));
    }

    /** The model's answer, chunk by chunk into the stream, until it ends or the run is cancelled. */
    private Uni<Outcome> modelPhase(ModelRoute route, ModelRequest model, RunStreamWriter writer,
            StringBuilder answer, CancelSignal signal) {
        return Uni.createFrom().emitter(emitter -> {
            if (signal.cancelled()) {
                emitter.complete(new Outcome(null, true));
                return;
            }
            Cancellable call = providers.provider(route).stream(model).subscribe().with(event -> {
                if (event instanceof ModelEvent.TextDelta delta) {
                    writer.text(delta.text());
                    answer.append(delta.text());
                } else if (event instanceof ModelEvent.Completed done) {
                    emitter.complete(new Outcome(done.reply(), false));
                }
            }, emitter::fail);
            signal.onCancel(() -> {
                call.cancel();
                emitter.complete(new Outcome(null, true));
            });
        });
    }

    private Uni<Void> completed(Caller caller, Run run, ModelReply reply, RunStreamWriter writer) {
        return runs.answer(run, reply.content(), caller.authorization())
                .chain(() -> ledger.complete(run.id, reply))
                .invoke(relay::nudge)
                .chain(() -> writer.finish(StreamEvent::done));
    }

    private Uni<Void> cancelled(Caller caller, Run run, String partial, ModelRequest model, RunStreamWriter writer) {
        Uni<Void> stored = partial.isEmpty() ? Uni.createFrom().voidItem()
                : runs.answer(run, partial, caller.authorization());
        int input = TokenEstimate.of(model.instructions())
                + model.turns().stream().mapToInt(turn -> TokenEstimate.of(turn.toString())).sum();
        return stored.chain(() -> ledger.cancel(run.id, partial, input, TokenEstimate.of(partial)))
                .invoke(relay::nudge)
                .chain(() -> writer.finish(seq -> StreamEvent.cancelled(seq, partial)));
    }

    private Uni<Void> failed(Run run, Throwable failure, RunStreamWriter writer) {
        String message = failure instanceof ApiException || failure instanceof ProviderException
                ? failure.getMessage() : "the run failed";
        if (!(failure instanceof ApiException) && !(failure instanceof ProviderException)) {
            LOG.errorf(failure, "streamed run %s failed", run.id);
        }
        return ledger.fail(run.id, message)
                .invoke(relay::nudge)
                .onFailure().invoke(e -> LOG.errorf(e, "could not mark run %s failed", run.id))
                .onItemOrFailure().transformToUni((ignored, e) -> writer.finish(seq -> StreamEvent.error(seq, message)));
    }
}
