package dev.switchboard.run.service;

import dev.switchboard.platform.events.OutboxRelay;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunKey;
import dev.switchboard.run.provider.ProviderException;
import dev.switchboard.run.stream.CancelSignal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The steps of a run once admitted ({@link RunAdmission}), buffered ({@link RunService}) and streamed
 * ({@link StreamingRuns}) alike: it waits for its turn on the thread ({@link ThreadTurns}), stores the user's
 * message while the model starts answering ({@link RunPrompts}), runs the tool loop and stores the answer, or what
 * was produced before a cancel ({@link RunAnswers}), and its event is relayed at once. A failure marks the run
 * failed ({@code run.failed}).
 */
@ApplicationScoped
public class RunSteps {

    private static final Logger LOG = Logger.getLogger(RunSteps.class);

    private final ThreadTurns turns;
    private final RunPrompts prompts;
    private final RunAnswers answers;
    private final RunLedger ledger;
    private final OutboxRelay relay;

    public RunSteps(ThreadTurns turns, RunPrompts prompts, RunAnswers answers, RunLedger ledger, OutboxRelay relay) {
        this.turns = turns;
        this.prompts = prompts;
        this.answers = answers;
        this.ledger = ledger;
        this.relay = relay;
    }

    /** A run that has ended: as stored (completed or cancelled), and what the tool loop produced. */
    public record Ended(Run run, ToolLoop.Result result) {}

    /**
     * Takes the admitted run to its end: {@code listener} hears the answer as it comes, {@code signal} stops it, and
     * each step after a remote call continues on {@code onContext}.
     */
    Uni<Ended> take(
            Caller caller,
            RunAdmission.Prepared prepared,
            UUID userMessageId,
            ToolLoop.Listener listener,
            CancelSignal signal,
            Executor onContext) {
        Run run = prepared.run();
        String auth = caller.authorization();
        return turns.ready(run)
                .emitOn(onContext)
                .chain(() -> prompts.ask(caller, prepared, userMessageId))
                .chain(asked -> answers.answer(prepared.agent(), prepared.route(), asked.model(), listener, signal)
                        .call(asked::stored)
                        .emitOn(onContext)
                        .chain(result -> (result.cancelled()
                                        ? answers.cancel(run, RunAnswers.estimated(result, asked.model()), auth)
                                        : answers.complete(run, result, auth))
                                .map(stored -> new Ended(stored, result))))
                .invoke(relay::nudge);
    }

    /**
     * What the client is told of a failed run: an {@link ApiException} as it is, a provider's refusal as 502
     * {@code bad_gateway} with its summary (its detail only logged), anything else as 500 (logged).
     */
    static ApiException answer(UUID runId, Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof ProviderException provider) {
            LOG.warnf("run %s failed: %s", runId, provider.detail());
            return ApiException.badGateway(provider.getMessage());
        }
        LOG.errorf(failure, "run %s failed", runId);
        return new ApiException(500, "internal", "the run failed", null);
    }

    /**
     * Marks the run failed with the message ({@code run.failed}), then does {@code recorded}; a failure of either is
     * logged, never the caller's.
     */
    Uni<Void> fail(RunKey runId, String message, Supplier<Uni<?>> recorded) {
        return ledger.fail(runId, message)
                .invoke(relay::nudge)
                .call(recorded)
                .onFailure()
                .invoke(e -> LOG.errorf(e, "could not mark run %s failed", runId.id()))
                .onItemOrFailure()
                .transformToUni((ignored, e) -> Uni.createFrom().voidItem());
    }
}
