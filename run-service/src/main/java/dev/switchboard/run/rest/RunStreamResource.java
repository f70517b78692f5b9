package dev.switchboard.run.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.RunKey;
import dev.switchboard.run.service.RunService;
import dev.switchboard.run.service.StreamingRuns;
import dev.switchboard.run.stream.RunEventLog;
import dev.switchboard.run.stream.RunStreamReader;
import dev.switchboard.run.stream.SseEvents;
import dev.switchboard.run.stream.StreamEvent;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Streamed runs: start one detached from the request ({@code POST /internal/runs/start}, same body as
 * {@code POST /internal/runs}, 202 {@code {"runId", "threadId", "status"}}), then read its Server-Sent Events
 * from any replica ({@code GET /internal/runs/{id}/stream}, after {@code ?since=N} or {@code Last-Event-ID}),
 * live until the run ends; or both in one request ({@code POST /internal/runs/stream}). Each event: {@code id} = sequence number,
 * {@code event} = type ({@code text}, {@code tool_call}, then {@code done}, {@code error} or {@code cancelled}),
 * {@code data} = JSON ({@code {"content": "..."}} for text).
 */
@Path("/internal/runs")
@Authenticated
public class RunStreamResource {

    static final Map<String, List<String>> NO_BUFFERING = Map.of(
            "Cache-Control", List.of("no-cache"),
            "X-Accel-Buffering", List.of("no"));

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    /** Finding the agent and thread and recording the run; each call in it has a shorter deadline of its own. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final StreamingRuns streaming;
    private final RunEventLog log;
    private final RunStreamReader reader;
    private final InternalCallers callers;
    private final Vertx vertx;

    public RunStreamResource(
            StreamingRuns streaming, RunEventLog log, RunStreamReader reader, InternalCallers callers, Vertx vertx) {
        this.streaming = streaming;
        this.log = log;
        this.reader = reader;
        this.callers = callers;
        this.vertx = vertx;
    }

    /** Starts a run that executes detached from this request; 202 with its id, then read its stream. */
    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> start(@Valid @NotNull(message = "a JSON body is required") RunRequest request) {
        return streaming
                .start(Caller.of(callers.current()), request)
                .map(started -> Response.accepted(Map.of(
                                "runId", started.runId(), "threadId", started.threadId(), "status", "in_progress"))
                        .build());
    }

    /**
     * Starts a run like {@code /start} and answers its stream in the same request: first a {@code started} event
     * (id 0, not stored; data {@code {"runId", "threadId"}}), then the run's events as they happen. Runs on a
     * worker thread so that the run is recorded (or refused with a JSON 4xx) before the response is committed;
     * the start itself runs on the request's Vert.x context, where its transactions belong.
     */
    @POST
    @Path("/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> startAndStream(
            @Valid @NotNull(message = "a JSON body is required") RunRequest request,
            @Context Sse sse,
            @Context HttpServerResponse response) {
        Caller caller = Caller.of(callers.current());
        var context = Vertx.currentContext();
        StreamingRuns.Started started = Uni.createFrom()
                .<StreamingRuns.Started>emitter(emitter -> context.runOnContext(ignored -> Uni.createFrom()
                        .deferred(() -> streaming.start(caller, request))
                        .subscribe()
                        .with(emitter::complete, emitter::fail)))
                .await()
                .atMost(START_TIMEOUT);
        withRun(started.runId(), started.threadId()).forEach(response::putHeader);
        StreamEvent first = new StreamEvent(
                0,
                "started",
                JsonNodeFactory.instance
                        .objectNode()
                        .put("runId", started.runId().toString())
                        .put("threadId", started.threadId()));
        return events(
                Multi.createBy()
                        .concatenating()
                        .streams(
                                Multi.createFrom().item(first),
                                reader.since(new RunKey(caller.orgId(), started.runId()), 0)),
                sse);
    }

    /** Runs on a worker thread: the run is looked up before the response (and its 404) is committed. */
    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> replay(
            @PathParam("id") String id,
            @QueryParam("since") String since,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse,
            @Context HttpServerResponse response) {
        Caller caller = Caller.of(callers.current());
        int from = position(since, lastEventId);
        UUID runId = RunService.runId(id);
        String threadId = log.threadOf(caller, runId).await().atMost(LOOKUP_TIMEOUT);
        if (threadId == null) {
            throw ApiException.notFound("run " + id + " not found");
        }
        withRun(runId, threadId).forEach(response::putHeader);
        return events(reader.since(new RunKey(caller.orgId(), runId), from), sse);
    }

    /** Headers that stop proxies buffering, and which run (and thread) the stream belongs to. */
    private static Map<String, List<String>> withRun(UUID runId, String threadId) {
        Map<String, List<String>> headers = new HashMap<>(NO_BUFFERING);
        headers.put("X-Run-Id", List.of(runId.toString()));
        headers.put("X-Thread-Id", List.of(threadId));
        return headers;
    }

    private Multi<OutboundSseEvent> events(Multi<StreamEvent> events, Sse sse) {
        return SseEvents.withPings(
                events,
                e -> sse.newEventBuilder()
                        .id(Integer.toString(e.seq()))
                        .name(e.type())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(e.data().toString())
                        .build(),
                sse,
                vertx,
                SseEvents.PING_EVERY);
    }

    /** {@code since} wins; {@code Last-Event-ID} may be {@code N} or {@code <run id>:N}; 0 = from the start. */
    static int position(String since, String lastEventId) {
        String value = since != null ? since : lastEventId;
        String field = since != null ? "since" : "Last-Event-ID";
        if (value == null || value.isBlank()) {
            return 0;
        }
        String number = value.substring(value.lastIndexOf(':') + 1).trim();
        try {
            int seq = Integer.parseInt(number);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid(field + " must be a non-negative event number, e.g. 12 or <run id>:12", field);
    }
}
