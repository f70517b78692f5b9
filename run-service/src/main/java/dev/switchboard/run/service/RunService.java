package dev.switchboard.run.service;

import dev.switchboard.platform.events.OutboxRelay;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunKey;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.provider.ProviderException;
import dev.switchboard.run.rest.RunRequest;
import dev.switchboard.run.rest.RunView;
import dev.switchboard.run.stream.CancelSignal;
import dev.switchboard.run.stream.RunExecutions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Buffered runs: admitted ({@link RunAdmission}), asked ({@link RunPrompts}), answered ({@link RunAnswers}) and
 * completed in the request that waits for them. What does not depend on each other is done at once, so that the
 * model is asked as early as it can be. Remote calls happen between the {@link RunLedger}'s short transactions,
 * never inside one; a failure after the run was recorded marks it failed ({@code run.failed}) before the error is
 * answered. The model (the request's, else the agent's) is served by the provider {@link ModelProviders} routes it
 * to; a provider's refusal ({@link ProviderException}) is answered 502 {@code bad_gateway}.
 */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final RunAdmission admission;
    private final RunPrompts prompts;
    private final RunAnswers answers;
    private final ThreadTurns turns;
    private final RunLedger ledger;
    private final OutboxRelay relay;
    private final RunExecutions executions;

    public RunService(
            RunAdmission admission,
            RunPrompts prompts,
            RunAnswers answers,
            ThreadTurns turns,
            RunLedger ledger,
            OutboxRelay relay,
            RunExecutions executions) {
        this.admission = admission;
        this.prompts = prompts;
        this.answers = answers;
        this.turns = turns;
        this.ledger = ledger;
        this.relay = relay;
        this.executions = executions;
    }

    public Uni<RunView> start(Caller caller, RunRequest request) {
        return admission
                .prepare(caller, request)
                .flatMap(prepared -> execute(caller, prepared, request.userMessageId())
                        .onFailure()
                        .recoverWithUni(failure -> failed(prepared.run().key(), failure)));
    }

    public Uni<RunView> find(Caller caller, String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException notAUuid) {
            return Uni.createFrom().failure(ApiException.notFound("run " + runId + " not found"));
        }
        return ledger.find(caller, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("run " + runId + " not found"))
                .map(RunMapper::toView);
    }

    /**
     * The buffered run: like a streamed one it can be cancelled (here at once, from another replica within a
     * second, or before it started by its client-chosen id); a cancelled run answers with its partial answer,
     * status {@code cancelled}.
     */
    private Uni<RunView> execute(Caller caller, RunAdmission.Prepared prepared, UUID userMessageId) {
        String auth = caller.authorization();
        Run run = prepared.run();
        Executor onContext = VertxContexts.current();
        CancelSignal signal = executions.track(run.key(), run.cancelRequestedAt != null, null);
        return turns.ready(run)
                .emitOn(onContext)
                .chain(() -> prompts.ask(caller, prepared, userMessageId))
                .flatMap(asked -> answers.answer(
                                prepared.agent(), prepared.route(), asked.model(), ToolLoop.Listener.NONE, signal)
                        .call(asked::stored)
                        .emitOn(onContext)
                        .flatMap(result -> (result.cancelled()
                                        ? answers.cancel(run, RunAnswers.estimated(result, asked.model()), auth)
                                        : answers.complete(run, result, auth))
                                .call(() -> answers.recordStream(run, result))))
                .invoke(relay::nudge)
                .map(RunMapper::toView)
                .eventually(() -> executions.untrack(run.key()));
    }

    private Uni<RunView> failed(RunKey runId, Throwable failure) {
        ApiException answer;
        if (failure instanceof ApiException api) {
            answer = api;
        } else if (failure instanceof ProviderException provider) {
            LOG.warnf("run %s failed: %s", runId.id(), provider.detail());
            answer = ApiException.badGateway(provider.getMessage());
        } else {
            LOG.errorf(failure, "run %s failed", runId.id());
            answer = new ApiException(500, "internal", "the run failed", null);
        }
        return ledger.fail(runId, answer.getMessage())
                .invoke(relay::nudge)
                .call(() -> answers.recordFailure(runId, answer.getMessage()))
                .onFailure()
                .invoke(e -> LOG.errorf(e, "could not mark run %s failed", runId.id()))
                .onItemOrFailure()
                .transformToUni((ignored, e) -> Uni.createFrom().failure(answer));
    }
}
