package dev.switchboard.run.service;

import dev.switchboard.run.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunStatus;
import dev.switchboard.run.Timestamps;
import dev.switchboard.run.client.AgentClient;
import dev.switchboard.run.client.AgentView;
import dev.switchboard.run.client.MessageView;
import dev.switchboard.run.client.NewMessage;
import dev.switchboard.run.client.ThreadClient;
import dev.switchboard.run.client.ThreadView;
import dev.switchboard.run.config.RunsConfig;
import dev.switchboard.run.event.OutboxRelay;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.provider.ModelRequest;
import dev.switchboard.run.provider.ModelRoute;
import dev.switchboard.run.provider.ProviderException;
import dev.switchboard.run.rest.RunRequest;
import dev.switchboard.run.rest.RunView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs an agent on a thread: load the agent, find or make the thread, record the run, append the user's
 * message, ask the model, append its answer, complete the run. Remote calls happen between the
 * {@link RunLedger}'s short transactions, never inside one; a failure after the run was recorded marks it
 * failed ({@code run.failed}) before the error is answered. The model (the request's, else the agent's) is
 * served by the provider {@link ModelProviders} routes it to, which is the run's {@code provider}; a provider's
 * refusal ({@link ProviderException}) is answered 502 {@code bad_gateway}.
 */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final AgentClient agents;
    private final ThreadClient threads;
    private final ModelProviders providers;
    private final RunLedger ledger;
    private final OutboxRelay relay;
    private final RunsConfig config;
    private final RunAnswers answers;
    private final ThreadTurns turns;

    public RunService(AgentClient agents, ThreadClient threads, ModelProviders providers, RunLedger ledger,
            OutboxRelay relay, RunsConfig config, RunAnswers answers, ThreadTurns turns) {
        this.answers = answers;
        this.turns = turns;
        this.agents = agents;
        this.threads = threads;
        this.providers = providers;
        this.ledger = ledger;
        this.relay = relay;
        this.config = config;
    }

    public Uni<RunView> start(Caller caller, RunRequest request) {
        return prepare(caller, request).flatMap(prepared -> execute(caller, prepared.agent(), prepared.run(),
                        prepared.route(), request.userMessageId())
                .onFailure().recoverWithUni(failure -> failed(prepared.run().id, failure)));
    }

    /** The agent and the run, recorded in progress with its {@code run.started} event, on its thread. */
    record Prepared(AgentView agent, Run run, ModelRoute route) {
    }

    Uni<Prepared> prepare(Caller caller, RunRequest request) {
        ThreadMode mode = ThreadMode.of(request.threadMode());
        if (mode == ThreadMode.EXISTING && (request.threadId() == null || request.threadId().isBlank())) {
            throw ApiException.invalid("threadId", "threadId is required when threadMode is existing");
        }
        return agents.find(request.agentId().toString(), caller.authorization())
                .map(found -> found.orElseThrow(() -> ApiException.notFound("agentId",
                        "agent " + request.agentId() + " not found")))
                .flatMap(agent -> {
                    ModelRoute route = providers.route(request.model() != null ? request.model() : agent.model());
                    java.util.concurrent.Executor onContext = onThisContext();
                    return thread(caller, mode, request.threadId(), agent)
                            .flatMap(thread -> turns.admit(caller.orgId(), thread.id(), request.multitaskStrategy())
                                    .emitOn(onContext)
                                    .flatMap(now -> ledger.begin(newRun(caller, agent, thread, request, route, now))))
                            .invoke(relay::nudge)
                            .map(run -> new Prepared(agent, run, route));
                });
    }

    public Uni<RunView> find(Caller caller, String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException notAUuid) {
            return Uni.createFrom().failure(ApiException.notFound(null, "run " + runId + " not found"));
        }
        return ledger.find(caller.orgId(), id)
                .onItem().ifNull().failWith(() -> ApiException.notFound(null, "run " + runId + " not found"))
                .map(RunMapper::toView);
    }

    /** The deterministic id of a run's message, so that sending it again is harmless. */
    public static UUID messageId(UUID runId, String role) {
        return UUID.nameUUIDFromBytes((runId + ":" + role).getBytes(StandardCharsets.UTF_8));
    }

    private Uni<ThreadView> thread(Caller caller, ThreadMode mode, String threadId, AgentView agent) {
        String auth = caller.authorization();
        return switch (mode) {
            case NEW -> threads.create(agent.uuid(), agent.id(), auth);
            case CURRENT -> threads.current(agent.uuid(), agent.id(), auth);
            case EXISTING -> threads.find(threadId, auth)
                    .map(found -> found.filter(thread -> agent.uuid().equals(thread.agentId()))
                            .orElseThrow(() -> ApiException.notFound("threadId",
                                    "thread " + threadId + " not found for agent " + agent.uuid())));
        };
    }

    private Uni<RunView> execute(Caller caller, AgentView agent, Run run, ModelRoute route, UUID userMessageId) {
        String auth = caller.authorization();
        java.util.concurrent.Executor onContext = onThisContext();
        return turn(run).emitOn(onContext)
                .chain(() -> modelRequest(caller, agent, run, route, userMessageId))
                .flatMap(model -> answers.answer(agent, route, model, ToolLoop.Listener.NONE,
                        new dev.switchboard.run.stream.CancelSignal()))
                .emitOn(onContext)
                .flatMap(result -> answers.complete(run, result, auth))
                .invoke(relay::nudge)
                .map(RunMapper::toView);
    }

    /** A queued run waits for the older runs of its thread (see {@link ThreadTurns}). */
    Uni<Void> turn(Run run) {
        return run.status == RunStatus.QUEUED ? turns.awaitTurn(run) : Uni.createFrom().voidItem();
    }

    /** Runs a task on the Vert.x context of the caller (where Hibernate Reactive's session lives), if any. */
    static java.util.concurrent.Executor onThisContext() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return task -> {
            if (context != null) {
                context.runOnContext(ignored -> task.run());
            } else {
                task.run();
            }
        };
    }

    /** Appends the user's message (unless stored already) and asks what the model is to answer from. */
    Uni<ModelRequest> modelRequest(Caller caller, AgentView agent, Run run, ModelRoute route, UUID userMessageId) {
        String auth = caller.authorization();
        return userMessage(run, userMessageId, auth)
                .flatMap(appended -> threads.recentMessages(run.threadId, config.historyWindow(), auth))
                .invoke(history -> requireUserMessage(history, userMessageId))
                .map(history -> new ModelRequest(route.providerModel(), agent.name(),
                        HistoryTurns.instructions(agent.instructions(), history), HistoryTurns.of(history),
                        List.of()));
    }

    /** Appends the run's user message, unless the caller stored it already ({@code userMessageId}). */
    private Uni<Void> userMessage(Run run, UUID userMessageId, String auth) {
        if (userMessageId != null) {
            return Uni.createFrom().voidItem();
        }
        NewMessage question = new NewMessage(messageId(run.id, "user"), "user", run.input, run.id);
        return threads.append(run.threadId, question, auth).replaceWithVoid();
    }

    /** A message stored beforehand must be a user message among the thread's newest ones. */
    private static void requireUserMessage(List<MessageView> history, UUID userMessageId) {
        if (userMessageId != null && history.stream()
                .noneMatch(m -> userMessageId.equals(m.id()) && "user".equals(m.role()))) {
            throw ApiException.notFound("userMessageId",
                    "user message " + userMessageId + " not found among the thread's newest messages");
        }
    }

    private Uni<RunView> failed(UUID runId, Throwable failure) {
        ApiException answer;
        if (failure instanceof ApiException api) {
            answer = api;
        } else if (failure instanceof ProviderException provider) {
            LOG.warnf("run %s failed: %s", runId, provider.getMessage());
            answer = ApiException.badGateway(provider.getMessage());
        } else {
            LOG.errorf(failure, "run %s failed", runId);
            answer = new ApiException(500, "internal", "the run failed", null);
        }
        return ledger.fail(runId, answer.getMessage())
                .invoke(relay::nudge)
                .onFailure().invoke(e -> LOG.errorf(e, "could not mark run %s failed", runId))
                .onItemOrFailure().transformToUni((ignored, e) -> Uni.createFrom().failure(answer));
    }

    private Run newRun(Caller caller, AgentView agent, ThreadView thread, RunRequest request, ModelRoute route,
            boolean startNow) {
        Instant now = Timestamps.now();
        Run run = new Run();
        run.id = request.runId() != null ? request.runId() : UUID.randomUUID();
        run.orgId = caller.orgId();
        run.userId = caller.userId();
        run.agentId = agent.uuid();
        run.agentNumericId = agent.id();
        run.agentName = agent.name();
        run.agentHandle = agent.handle();
        run.threadId = thread.id();
        run.status = startNow ? RunStatus.IN_PROGRESS : RunStatus.QUEUED;
        run.model = route.modelId();
        run.provider = route.provider();
        run.input = request.message();
        run.createdAt = now;
        run.startedAt = now;
        run.updatedAt = now;
        return run;
    }
}
