package dev.switchboard.gateway.client.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import dev.switchboard.platform.web.downstream.DownstreamErrors;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.platform.web.replicas.Failover;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * run-service, as the gateway calls it on behalf of a caller: a run is answered once it completed, so the
 * deadline is the long one ({@code switchboard.gateway.timeouts.run}). Never retried: a second call would be
 * a second run. Its 4xx answers pass through (an unknown thread is 404, field {@code threadId}).
 */
@ApplicationScoped
public class RunClient {

    static final String SERVICE = "run-service";

    /**
     * How long a run whose call broke is followed by id: run-service's lease timeout (20 s), a sweep (5 s), the run
     * again, and a margin; within the run deadline ({@code switchboard.gateway.timeouts.run}).
     */
    static final Duration FOLLOW_FOR = Duration.ofSeconds(75);

    static final Duration FOLLOW_FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration FOLLOW_MAX_PAUSE = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(RunClient.class);

    private final RunRestClient rest;
    private final Downstream downstream;
    private final Downstream quick;
    private final InternalTokens tokens;
    private final ObjectMapper json;
    private final Failover failover;

    public RunClient(@RestClient RunRestClient rest, InternalTokens tokens, GatewayConfig config, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
        this.tokens = tokens;
        this.downstream = new Downstream(SERVICE, config.timeouts().run(), tokens);
        this.quick = new Downstream(SERVICE, config.timeouts().call(), tokens);
        this.failover = new Failover(SERVICE);
    }

    /** run-service names its fields in camelCase; the public chat bodies name this one in snake_case. */
    private static Throwable publicField(Throwable failure) {
        // the agent as the client named it in the path
        return ApiException.renamingField(failure, Map.of("multitaskStrategy", "multitask_strategy", "agent", "id"));
    }

    public Uni<RunView> get(String runId, Caller caller) {
        return quick.call(caller, auth -> rest.get(runId, auth));
    }

    /** The run once stopped, or {@code {"runId", "status": "cancel_requested"}} for a run not started yet. */
    public Uni<RunView> cancel(String runId, Caller caller) {
        return quick.call(caller, auth -> rest.cancel(runId, auth));
    }

    /** A run started with its stream: the run, its thread, and its events from the first one. */
    public record StartedStream(String runId, String threadId, Multi<SseEvent<String>> events) {}

    /**
     * Starts a run and follows its stream in one call: answered once run-service has recorded the run (its
     * {@code started} event), or with its 4xx; the events that follow are delivered as they come. Closing the
     * events closes the call to run-service (the run goes on).
     */
    public Uni<StartedStream> startStream(RunRequest request, Caller caller) {
        return followedById(
                quick,
                request,
                caller,
                this::open,
                (run, auth, recorded) -> recorded != null
                        ? Uni.createFrom()
                                .item(new StartedStream(
                                        run.runId().toString(),
                                        recorded.threadId(),
                                        failover.stream(
                                                () -> rest.stream(run.runId().toString(), 0, auth))))
                        : open(run, auth));
    }

    /** What to do once a call of a run broke after it was sent: {@code recorded} is the run, or null. */
    @FunctionalInterface
    private interface AfterLoss<T> {
        Uni<T> apply(RunRequest run, String auth, RunView recorded);
    }

    /**
     * {@code call} of the run under its id (chosen here when the client chose none); when the call breaks after the
     * request went out (its run-service replica stopped), the run is looked up by that id on another replica and
     * {@code afterLoss} says what follows: a stream of a recorded run is followed from its first event (the run is
     * taken over within its lease, see {@code StreamRefollow}), a buffered one awaited; a run no replica recorded is
     * sent again under the same id.
     */
    private <T> Uni<T> followedById(
            Downstream via,
            RunRequest request,
            Caller caller,
            BiFunction<RunRequest, String, Uni<T>> call,
            AfterLoss<T> afterLoss) {
        RunRequest run = named(request);
        return via.call(
                        caller,
                        auth -> call.apply(run, auth)
                                .onFailure(DownstreamErrors::isLostAfterSent)
                                .recoverWithUni(lost -> {
                                    LOG.warnf(
                                            "run %s: the call to run-service broke before it answered (%s); following it by id",
                                            run.runId(), lost);
                                    return recorded(run.runId().toString(), auth)
                                            .flatMap(recorded -> afterLoss.apply(run, auth, recorded));
                                }))
                .onFailure()
                .transform(RunClient::publicField);
    }

    private Uni<StartedStream> open(RunRequest run, String auth) {
        return Uni.createFrom().emitter(started -> {
            UnicastProcessor<SseEvent<String>> rest = UnicastProcessor.create();
            AtomicReference<Cancellable> upstream = new AtomicReference<>();
            Multi<SseEvent<String>> events =
                    rest.onCancellation().invoke(() -> upstream.get().cancel());
            AtomicBoolean first = new AtomicBoolean(true);
            // a run-service replica that refused the connection never saw the run: another one
            // is asked (Failover), within the same deadline
            upstream.set(failover.stream(() -> this.rest.startStream(run, auth))
                    .subscribe()
                    .with(
                            event -> {
                                if (first.compareAndSet(true, false)) {
                                    try {
                                        started.complete(started(event, events));
                                    } catch (IllegalStateException unreadable) {
                                        upstream.get().cancel();
                                        started.fail(unreadable); // answered 502 at once, not after the deadline
                                    }
                                } else {
                                    rest.onNext(event);
                                }
                            },
                            failure -> {
                                if (first.compareAndSet(true, false)) {
                                    started.fail(failure);
                                } else {
                                    rest.onError(failure);
                                }
                            },
                            () -> {
                                if (first.compareAndSet(true, false)) {
                                    started.fail(new IllegalStateException(
                                            "run-service ended the stream before the run started"));
                                } else {
                                    rest.onComplete();
                                }
                            }));
            started.onTermination(() -> {
                if (first.compareAndSet(true, false)) {
                    upstream.get().cancel(); // given up before the run started (the gateway's deadline)
                }
            });
        });
    }

    private StartedStream started(SseEvent<String> event, Multi<SseEvent<String>> events) {
        try {
            JsonNode data = json.readTree(event.data());
            return new StartedStream(
                    data.path("runId").asText(), data.path("threadId").asText(null), events);
        } catch (IOException e) {
            throw new IllegalStateException("run-service's started event is not JSON: " + event.data(), e);
        }
    }

    /** The run's stream events after {@code since} ({@code id} = sequence number, {@code name} = type). */
    public Multi<SseEvent<String>> stream(String runId, int since, Caller caller) {
        return tokens.authorization(caller)
                .onItem()
                .transformToMulti(auth -> failover.stream(() -> rest.stream(runId, since, auth)));
    }

    /**
     * Starts a run and answers once it completed: a chat (seed 000, 003), a team member's answer, or the answer to a
     * user message the gateway stored first ({@link RunRequest#storedMessage}, seeds 002 and 004).
     */
    public Uni<RunView> run(RunRequest request, Caller caller) {
        // recorded: another replica takes it over within its lease (restarted if the model had produced nothing, else
        // ended worker_lost: 503 with a retry hint), and its end is awaited; so a message is never answered twice
        return followedById(
                downstream,
                request,
                caller,
                rest::run,
                (run, auth, recorded) -> recorded == null
                        ? failover.call(() -> rest.run(run, auth))
                                .onFailure(RunClient::idTaken)
                                .recoverWithUni(taken -> ended(run.runId().toString(), auth))
                        : ended(run.runId().toString(), auth));
    }

    /** The run once it ended: completed or cancelled as run-service answers it, failed as the error it answers. */
    private Uni<RunView> ended(String runId, String auth) {
        return failover.call(() -> rest.get(runId, auth))
                .map(view -> {
                    if (!view.ended()) {
                        throw new StillRunning();
                    }
                    return view;
                })
                .onFailure(failure -> failure instanceof StillRunning
                        || DownstreamErrors.isConnectionFailure(failure)
                        || DownstreamErrors.isLostAfterSent(failure))
                .retry()
                .withBackOff(FOLLOW_FIRST_PAUSE, FOLLOW_MAX_PAUSE)
                .expireIn(FOLLOW_FOR.toMillis())
                .onFailure(StillRunning.class)
                .transform(going -> ApiException.unavailable("run " + runId + " is still going on another run-service "
                        + "replica; read it with GET /api/v1/runs/" + runId))
                .map(view -> {
                    if (!"failed".equals(view.status())) {
                        return view;
                    }
                    if (RunView.WORKER_LOST.equals(view.errorCode())) {
                        throw ApiException.unavailable(
                                "the run-service replica running this run stopped before the run ended; retry it");
                    }
                    throw ApiException.badGateway(view.error() != null ? view.error() : "the run failed");
                });
    }

    /** The run if run-service recorded it, else null (404). */
    private Uni<RunView> recorded(String runId, String auth) {
        return failover.call(() -> rest.get(runId, auth))
                .onFailure(DownstreamErrors::isNotFound)
                .recoverWithNull();
    }

    /** run-service's 409 for a run id it already has: the run sent again had been recorded after all. */
    private static boolean idTaken(Throwable failure) {
        return failure instanceof WebApplicationException e
                && e.getResponse() != null
                && e.getResponse().getStatus() == 409;
    }

    /**
     * The run under an id of its own, chosen here when the client chose none: the run can then be found again if
     * the call to run-service breaks before it answers.
     */
    private static RunRequest named(RunRequest run) {
        return run.runId() != null ? run : run.withRunId(UUID.randomUUID());
    }

    /** A run followed after a broken call has not ended yet. */
    private static final class StillRunning extends RuntimeException {
        StillRunning() {
            super("the run has not ended yet", null, false, false);
        }
    }

    /**
     * The id run-service gives the assistant message of a run of the org (deterministic, see its
     * {@code RunService.messageId}; a run id is unique within its org only).
     */
    public static UUID assistantMessageId(String orgId, String runId) {
        return UUID.nameUUIDFromBytes((orgId + ":" + runId + ":assistant").getBytes(StandardCharsets.UTF_8));
    }
}
