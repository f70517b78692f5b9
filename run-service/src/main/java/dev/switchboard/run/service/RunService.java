package dev.switchboard.run.service;

import dev.switchboard.run.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunKey;
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
import dev.switchboard.run.stream.CancelSignal;
import dev.switchboard.run.stream.RunExecutions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Runs an agent on a thread: load the agent, find or make the thread, record the run, append the user's
 * message, ask the model, append its answer, complete the run. What does not depend on each other is done at
 * once, so that the model is asked as early as it can be: the agent and a named thread are looked up together,
 * the thread's history is read while the run is recorded, and the user's message is stored while the model
 * starts answering (its answer is stored after it). Remote calls happen between the
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
    private final RunExecutions executions;

    public RunService(AgentClient agents, ThreadClient threads, ModelProviders providers, RunLedger ledger,
            OutboxRelay relay, RunsConfig config, RunAnswers answers, ThreadTurns turns, RunExecutions executions) {
        this.executions = executions;
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
        return prepare(caller, request).flatMap(prepared -> execute(caller, prepared, request.userMessageId())
                .onFailure().recoverWithUni(failure -> failed(prepared.run().key(), failure)));
    }

    /**
     * The agent and the run, recorded with its {@code run.started} event, on its thread. {@code history}: the
     * thread's newest messages, read while the run was recorded, when it may start at once (null when it
     * queued: it reads them when its turn comes).
     */
    record Prepared(AgentView agent, Run run, ModelRoute route, List<MessageView> history) {
    }

    /** The agent and its thread, found at once when the thread is named. */
    private record Found(AgentView agent, ThreadView thread, ModelRoute route) {
    }

    Uni<Prepared> prepare(Caller caller, RunRequest request) {
        ThreadMode mode = ThreadMode.of(request.threadMode());
        if (mode == ThreadMode.EXISTING && (request.threadId() == null || request.threadId().isBlank())) {
            throw ApiException.invalid("threadId", "threadId is required when threadMode is existing");
        }
        if (request.agentRef() == null) {
            throw ApiException.invalid("agentId", "agentId is required (or agent: its id, UUID or handle)");
        }
        String auth = caller.authorization();
        Executor onContext = onThisContext();
        // the history is read early: a named thread's together with the lookups, a current one's while the run is
        // recorded, a new one has none. A run that cannot use it (queued, or interrupting a run whose partial
        // answer is still to be stored) or a failed read reads it again when it starts.
        boolean early = !"interrupt".equals(request.multitaskStrategy());
        Uni<List<MessageView>> named = early && mode == ThreadMode.EXISTING
                ? recentMessages(request.threadId(), auth).memoize().indefinitely() : null;
        if (named != null) {
            named.subscribe().with(read -> { }, failure -> { }); // now, alongside the agent and thread lookups
        }
        return found(caller, mode, request).emitOn(onContext).flatMap(found -> {
            AgentView agent = found.agent();
            ThreadView thread = found.thread();
            Uni<Run> recorded = turns.admit(caller.orgId(), thread.id(), request.multitaskStrategy())
                    .emitOn(onContext)
                    .flatMap(now -> ledger.begin(newRun(caller, agent, thread, request, found.route(), now)));
            Uni<List<MessageView>> history = !early ? Uni.createFrom().nullItem()
                    : named != null ? named
                    : mode == ThreadMode.NEW && request.userMessageId() == null ? Uni.createFrom().item(List.of())
                    : recentMessages(thread.id(), auth);
            return Uni.combine().all().unis(recorded, history).asTuple()
                    .emitOn(onContext)
                    .invoke(relay::nudge)
                    .map(both -> new Prepared(agent, both.getItem1(), found.route(),
                            both.getItem1().status == RunStatus.IN_PROGRESS ? both.getItem2() : null));
        });
    }

    /**
     * The agent (404 {@code agentId}) and the thread (404 {@code threadId} when it is not the agent's). A named
     * thread is looked up together with the agent; a new or current one needs the agent first.
     */
    private Uni<Found> found(Caller caller, ThreadMode mode, RunRequest request) {
        String auth = caller.authorization();
        Uni<AgentView> agentLookup = agents.find(request.agentRef(), auth)
                .map(found -> found.orElseThrow(() -> ApiException.notFound(request.agentField(),
                        "agent " + request.agentRef() + " not found")))
                .memoize().indefinitely();
        if (mode != ThreadMode.EXISTING) {
            return agentLookup.flatMap(agent -> {
                ModelRoute route = route(request, agent);
                return thread(caller, mode, request.threadId(), agent).map(thread -> new Found(agent, thread, route));
            });
        }
        Uni<Optional<ThreadView>> threadLookup = threads.find(request.threadId(), auth);
        // both answers are awaited so that a missing agent is always the error, whichever answers first
        return Uni.combine().all().unis(agentLookup.map(Optional::of).onFailure()
                        .recoverWithItem(failure -> Optional.<AgentView>empty()), threadLookup).asTuple()
                .flatMap(both -> both.getItem1().isPresent() ? Uni.createFrom().item(both)
                        : agentLookup.replaceWith(both)) // the agent's failure (memoized), e.g. its 404
                .map(both -> {
                    AgentView agent = both.getItem1().orElseThrow();
                    ModelRoute route = route(request, agent);
                    ThreadView thread = both.getItem2().filter(t -> agent.uuid().equals(t.agentId()))
                            .orElseThrow(() -> ApiException.notFound("threadId",
                                    "thread " + request.threadId() + " not found for agent " + agent.uuid()));
                    return new Found(agent, thread, route);
                });
    }

    /** The thread's newest messages, or null if they could not be read (the run reads them again later). */
    private Uni<List<MessageView>> recentMessages(String threadId, String auth) {
        return threads.recentMessages(threadId, config.historyWindow(), auth).onFailure().recoverWithNull();
    }

    private ModelRoute route(RunRequest request, AgentView agent) {
        return providers.route(request.model() != null ? request.model() : agent.model());
    }

    public Uni<RunView> find(Caller caller, String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException notAUuid) {
            return Uni.createFrom().failure(ApiException.notFound(null, "run " + runId + " not found"));
        }
        return ledger.find(caller, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound(null, "run " + runId + " not found"))
                .map(RunMapper::toView);
    }

    /**
     * The deterministic id of a run's message, so that sending it again is harmless; the run's org is part of it, as
     * a run id is unique within its org only. The gateway derives the assistant message's id the same way.
     */
    public static UUID messageId(Run run, String role) {
        return messageId(run.orgId, run.id, role);
    }

    public static UUID messageId(String orgId, UUID runId, String role) {
        return UUID.nameUUIDFromBytes((orgId + ":" + runId + ":" + role).getBytes(StandardCharsets.UTF_8));
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

    /**
     * The buffered run: like a streamed one it can be cancelled (here at once, from another replica within a
     * second, or before it started by its client-chosen id); a cancelled run answers with its partial answer,
     * status {@code cancelled}.
     */
    private Uni<RunView> execute(Caller caller, Prepared prepared, UUID userMessageId) {
        String auth = caller.authorization();
        Run run = prepared.run();
        Executor onContext = onThisContext();
        CancelSignal signal = executions.track(run.key(), run.cancelRequestedAt != null, null);
        return turn(run).emitOn(onContext)
                .chain(() -> ask(caller, prepared, userMessageId))
                .flatMap(asked -> answers.answer(prepared.agent(), prepared.route(), asked.model(),
                                ToolLoop.Listener.NONE, signal)
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

    /** A queued run waits for the older runs of its thread (see {@link ThreadTurns}). */
    Uni<Void> turn(Run run) {
        return run.status == RunStatus.QUEUED ? turns.awaitTurn(run) : Uni.createFrom().voidItem();
    }

    /** Runs a task on the Vert.x context of the caller (where Hibernate Reactive's session lives), if any. */
    static Executor onThisContext() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return task -> {
            if (context != null) {
                context.runOnContext(ignored -> task.run());
            } else {
                task.run();
            }
        };
    }

    /**
     * What the model is asked, and the write of the run's user message, which the answer is stored after: already
     * done, or (when the history was read while the run was recorded) under way while the model is asked.
     */
    record Asked(ModelRequest model, Uni<Void> stored) {
    }

    /** Appends the user's message (unless stored already) and asks what the model is to answer from. */
    Uni<Asked> ask(Caller caller, Prepared prepared, UUID userMessageId) {
        String auth = caller.authorization();
        Run run = prepared.run();
        if (prepared.history() != null) {
            List<MessageView> history = prepared.history();
            if (userMessageId != null) {
                requireUserMessage(history, userMessageId);
                return Uni.createFrom().item(new Asked(modelRequest(prepared, history), Uni.createFrom().voidItem()));
            }
            Uni<Void> stored = userMessage(run, null, auth).memoize().indefinitely();
            stored.subscribe().with(done -> { }, failure -> { }); // its failure fails the run when awaited
            return Uni.createFrom().item(new Asked(modelRequest(prepared, withQuestion(history, run)), stored));
        }
        return userMessage(run, userMessageId, auth)
                .flatMap(appended -> threads.recentMessages(run.threadId, config.historyWindow(), auth))
                .invoke(history -> requireUserMessage(history, userMessageId))
                .map(history -> new Asked(modelRequest(prepared, history), Uni.createFrom().voidItem()));
    }

    private static ModelRequest modelRequest(Prepared prepared, List<MessageView> history) {
        AgentView agent = prepared.agent();
        return new ModelRequest(prepared.route().providerModel(), agent.name(),
                HistoryTurns.instructions(agent.instructions(), history), HistoryTurns.of(history), List.of());
    }

    /** The history read before the run's user message was stored, with that message as it is being stored. */
    private List<MessageView> withQuestion(List<MessageView> history, Run run) {
        List<MessageView> newest = new java.util.ArrayList<>(history);
        newest.add(new MessageView(messageId(run, "user"), run.threadId, "user", run.input, run.userId, run.id,
                run.createdAt));
        int window = config.historyWindow();
        return newest.size() > window ? newest.subList(newest.size() - window, newest.size()) : newest;
    }

    /** Appends the run's user message, unless the caller stored it already ({@code userMessageId}). */
    private Uni<Void> userMessage(Run run, UUID userMessageId, String auth) {
        if (userMessageId != null) {
            return Uni.createFrom().voidItem();
        }
        NewMessage question = new NewMessage(messageId(run, "user"), "user", run.input, run.id);
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
                .onFailure().invoke(e -> LOG.errorf(e, "could not mark run %s failed", runId.id()))
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
