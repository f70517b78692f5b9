package dev.switchboard.run.service;

import dev.switchboard.platform.events.OutboxRelay;
import dev.switchboard.platform.web.Timestamps;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunStatus;
import dev.switchboard.run.client.AgentClient;
import dev.switchboard.run.client.AgentView;
import dev.switchboard.run.client.MessageView;
import dev.switchboard.run.client.ThreadClient;
import dev.switchboard.run.client.ThreadView;
import dev.switchboard.run.config.RunsConfig;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.provider.ModelRoute;
import dev.switchboard.run.rest.RunRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Admits a run, buffered or streamed alike: the agent and the thread found (a named thread together with the agent),
 * the thread's turn taken ({@link ThreadTurns}: start now, queue, or 409), and the run recorded with its
 * {@code run.started} event, while the thread's newest messages are read so the model can be asked at once. A 4xx
 * here leaves nothing recorded.
 */
@ApplicationScoped
public class RunAdmission {

    private final AgentClient agents;
    private final ThreadClient threads;
    private final ModelProviders providers;
    private final RunLedger ledger;
    private final OutboxRelay relay;
    private final RunsConfig config;
    private final ThreadTurns turns;

    public RunAdmission(
            AgentClient agents,
            ThreadClient threads,
            ModelProviders providers,
            RunLedger ledger,
            OutboxRelay relay,
            RunsConfig config,
            ThreadTurns turns) {
        this.agents = agents;
        this.threads = threads;
        this.providers = providers;
        this.ledger = ledger;
        this.relay = relay;
        this.config = config;
        this.turns = turns;
    }

    /**
     * The agent and the run, recorded with its {@code run.started} event, on its thread. {@code history}: the
     * thread's newest messages, read while the run was recorded, when it may start at once (null when it
     * queued: it reads them when its turn comes).
     */
    public record Prepared(AgentView agent, Run run, ModelRoute route, List<MessageView> history) {}

    /** The agent and its thread, found at once when the thread is named. */
    private record Found(AgentView agent, ThreadView thread, ModelRoute route) {}

    public Uni<Prepared> prepare(Caller caller, RunRequest request) {
        ThreadMode mode = ThreadMode.of(request.threadMode());
        if (mode == ThreadMode.EXISTING
                && (request.threadId() == null || request.threadId().isBlank())) {
            throw ApiException.invalid("threadId is required when threadMode is existing", "threadId");
        }
        if (request.agentRef() == null) {
            throw ApiException.invalid("agentId is required (or agent: its id, UUID or handle)", "agentId");
        }
        String auth = caller.authorization();
        Executor onContext = VertxContexts.current();
        // the history is read early: a named thread's together with the lookups, a current one's while the run is
        // recorded, a new one has none. A run that cannot use it (queued, or interrupting a run whose partial
        // answer is still to be stored) or a failed read reads it again when it starts.
        boolean early = !"interrupt".equals(request.multitaskStrategy());
        Uni<List<MessageView>> named = early && mode == ThreadMode.EXISTING
                ? recentMessages(request.threadId(), auth).memoize().indefinitely()
                : null;
        if (named != null) {
            named.subscribe().with(read -> {}, failure -> {}); // now, alongside the agent and thread lookups
        }
        return found(caller, mode, request).emitOn(onContext).flatMap(found -> {
            AgentView agent = found.agent();
            ThreadView thread = found.thread();
            Uni<Run> recorded = turns.admit(caller.orgId(), thread.id(), request.multitaskStrategy())
                    .emitOn(onContext)
                    .flatMap(now -> ledger.begin(newRun(caller, agent, thread, request, found.route(), now)));
            Uni<List<MessageView>> history = !early
                    ? Uni.createFrom().nullItem()
                    : named != null
                            ? named
                            : mode == ThreadMode.NEW && request.userMessageId() == null
                                    ? Uni.createFrom().item(List.of())
                                    : recentMessages(thread.id(), auth);
            return Uni.combine()
                    .all()
                    .unis(recorded, history)
                    .asTuple()
                    .emitOn(onContext)
                    .invoke(relay::nudge)
                    .map(both -> new Prepared(
                            agent,
                            both.getItem1(),
                            found.route(),
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
                .map(found -> found.orElseThrow(() ->
                        ApiException.notFound("agent " + request.agentRef() + " not found", request.agentField())))
                .memoize()
                .indefinitely();
        if (mode != ThreadMode.EXISTING) {
            return agentLookup.flatMap(agent -> {
                ModelRoute route = route(request, agent);
                return thread(caller, mode, request.threadId(), agent).map(thread -> new Found(agent, thread, route));
            });
        }
        Uni<Optional<ThreadView>> threadLookup = threads.find(request.threadId(), auth);
        // both answers are awaited so that a missing agent is always the error, whichever answers first
        return Uni.combine()
                .all()
                .unis(
                        agentLookup
                                .map(Optional::of)
                                .onFailure()
                                .recoverWithItem(failure -> Optional.<AgentView>empty()),
                        threadLookup)
                .asTuple()
                .flatMap(both -> both.getItem1().isPresent()
                        ? Uni.createFrom().item(both)
                        : agentLookup.replaceWith(both)) // the agent's failure (memoized), e.g. its 404
                .map(both -> {
                    AgentView agent = both.getItem1().orElseThrow();
                    ModelRoute route = route(request, agent);
                    ThreadView thread = both.getItem2()
                            .filter(t -> agent.uuid().equals(t.agentId()))
                            .orElseThrow(() -> ApiException.notFound(
                                    "thread " + request.threadId() + " not found for agent " + agent.uuid(),
                                    "threadId"));
                    return new Found(agent, thread, route);
                });
    }

    /** The thread's newest messages, or null if they could not be read (the run reads them again later). */
    private Uni<List<MessageView>> recentMessages(String threadId, String auth) {
        return threads.recentMessages(threadId, config.historyWindow(), auth)
                .onFailure()
                .recoverWithNull();
    }

    private ModelRoute route(RunRequest request, AgentView agent) {
        return providers.route(request.model() != null ? request.model() : agent.model());
    }

    private Uni<ThreadView> thread(Caller caller, ThreadMode mode, String threadId, AgentView agent) {
        String auth = caller.authorization();
        return switch (mode) {
            case NEW -> threads.create(agent.uuid(), agent.id(), auth);
            case CURRENT -> threads.current(agent.uuid(), agent.id(), auth);
            case EXISTING ->
                threads.find(threadId, auth)
                        .map(found -> found.filter(thread -> agent.uuid().equals(thread.agentId()))
                                .orElseThrow(() -> ApiException.notFound(
                                        "thread " + threadId + " not found for agent " + agent.uuid(), "threadId")));
        };
    }

    private Run newRun(
            Caller caller, AgentView agent, ThreadView thread, RunRequest request, ModelRoute route, boolean startNow) {
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
        run.userMessageId = request.userMessageId();
        run.callerAuthorization = caller.authorization();
        run.createdAt = now;
        run.startedAt = now;
        run.updatedAt = now;
        return run;
    }
}
