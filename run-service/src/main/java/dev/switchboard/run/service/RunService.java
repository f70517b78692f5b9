package dev.switchboard.run.service;

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

/**
 * Buffered runs: admitted ({@link RunAdmission}), then taken through the {@link RunSteps} every run shares, in the
 * request that waits for them. What does not depend on each other is done at once, so that the
 * model is asked as early as it can be. Remote calls happen between the {@link RunLedger}'s short transactions,
 * never inside one; a failure after the run was recorded marks it failed ({@code run.failed}) before the error is
 * answered. The model (the request's, else the agent's) is served by the provider {@link ModelProviders} routes it
 * to; a provider's refusal ({@link ProviderException}) is answered 502 {@code bad_gateway}.
 */
@ApplicationScoped
public class RunService {

    private final RunAdmission admission;
    private final RunSteps steps;
    private final RunAnswers answers;
    private final RunLedger ledger;
    private final RunExecutions executions;

    public RunService(
            RunAdmission admission, RunSteps steps, RunAnswers answers, RunLedger ledger, RunExecutions executions) {
        this.admission = admission;
        this.steps = steps;
        this.answers = answers;
        this.ledger = ledger;
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
        return Uni.createFrom()
                .item(() -> runId(runId))
                .chain(id -> ledger.find(caller, id))
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("run " + runId + " not found"))
                .map(RunMapper::toView);
    }

    /** A run id from a path; one that is not a UUID names no run (404). */
    public static UUID runId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw ApiException.notFound("run " + id + " not found");
        }
    }

    /**
     * The buffered run: like a streamed one it can be cancelled (here at once, from another replica within a
     * second, or before it started by its client-chosen id); a cancelled run answers with its partial answer,
     * status {@code cancelled}.
     */
    private Uni<RunView> execute(Caller caller, RunAdmission.Prepared prepared, UUID userMessageId) {
        Run run = prepared.run();
        CancelSignal signal = executions.track(run.key(), run.cancelRequestedAt != null, null);
        return steps.take(caller, prepared, userMessageId, ToolLoop.Listener.NONE, signal, VertxContexts.current())
                .call(ended -> answers.recordStream(run, ended.result()))
                .map(ended -> RunMapper.toView(ended.run()))
                .eventually(() -> executions.untrack(run.key()));
    }

    private Uni<RunView> failed(RunKey runId, Throwable failure) {
        ApiException answer = RunSteps.answer(runId.id(), failure);
        return steps.fail(runId, answer.getMessage(), () -> answers.recordFailure(runId, answer.getMessage()))
                .chain(() -> Uni.createFrom().failure(answer));
    }
}
