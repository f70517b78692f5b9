package dev.switchboard.gateway.rest.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.client.run.RunClient;
import dev.switchboard.gateway.client.run.RunRequest;
import dev.switchboard.gateway.client.run.RunView;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * A run's stream in seed 003's format: {@code data: {"type": "text", "content": "..."}} per chunk as the model
 * sent it, then {@code data: {"type": "done", "content": ""}} (or {@code error} / {@code cancelled} with the
 * reason or the partial answer; an {@code error} of a run whose replica stopped also says {@code "code": "worker_lost"})
 * and {@code data: [DONE]}. Every event but the last carries
 * {@code id: <run id>:<n>}, so a client can resume with {@code GET /api/v1/runs/{id}/stream} and
 * {@code Last-Event-ID}; an idle stream gets a {@code : ping} comment every 15 s; nothing is buffered. A
 * {@code tool_call} event carries the finished call in seed 004's shape ({@code tool_call: {"tool_name", ...}}).
 * The run is started or read before the first byte (blocking: call on a worker thread), so that a refusal is still
 * a JSON 4xx and the headers can name the run and its thread. run-service's stream that breaks before the run's
 * terminal event (its replica stopped) is followed again from the last event forwarded ({@link StreamRefollow}).
 */
@ApplicationScoped
public class RunStreams {

    static final Duration PING_EVERY = Duration.ofSeconds(15);
    /**
     * Quarkus writes {@code data:<value>}; seed 003 shows {@code data: <value>}. SSE parsers drop one space after
     * the colon, so the leading space gives byte-for-byte the seed's lines without changing any parsed value.
     */
    private static final String SPACE = " ";

    private final RunClient runs;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Duration deadline;

    public RunStreams(RunClient runs, ObjectMapper json, Vertx vertx, GatewayConfig config) {
        this.runs = runs;
        this.json = json;
        this.vertx = vertx;
        this.deadline = config.timeouts().call().multipliedBy(3);
    }

    /**
     * Starts the run and answers its events from the first one, once run-service recorded it; its refusals pass
     * through {@code failures} (which renames their fields as the route names them).
     */
    public Multi<OutboundSseEvent> start(
            RunRequest run,
            Caller caller,
            Function<Throwable, Throwable> failures,
            Sse sse,
            HttpServerResponse response) {
        RunClient.StartedStream started = runs.startStream(run, caller)
                .onFailure()
                .transform(failures)
                .await()
                .atMost(deadline);
        headers(response, started.runId(), started.threadId());
        return follow(
                started.runId(),
                StreamRefollow.of(
                        started.events(),
                        0,
                        since -> runs.stream(started.runId(), since, caller),
                        StreamRefollow.FOLLOW_FOR),
                sse);
    }

    /** The events of a run the caller reaches (404 otherwise) after the {@code since}th. */
    public Multi<OutboundSseEvent> resume(
            String runId, int since, Caller caller, Sse sse, HttpServerResponse response) {
        RunView run = runs.get(runId, caller).await().atMost(deadline);
        headers(response, runId, run.threadId());
        return follow(
                runId,
                StreamRefollow.of(
                        runs.stream(runId, since, caller),
                        since,
                        from -> runs.stream(runId, from, caller),
                        StreamRefollow.FOLLOW_FOR),
                sse);
    }

    /** Sets the headers that stop proxies buffering and name the run; before the response is committed. */
    private static void headers(HttpServerResponse response, String runId, String threadId) {
        response.putHeader("Cache-Control", "no-cache");
        response.putHeader("X-Accel-Buffering", "no");
        response.putHeader("X-Run-Id", runId);
        if (threadId != null) {
            response.putHeader("X-Thread-Id", threadId);
        }
    }

    /** The events of run-service's stream of the run, in seed 003's format, with pings. */
    private Multi<OutboundSseEvent> follow(String runId, Multi<SseEvent<String>> stream, Sse sse) {
        Multi<OutboundSseEvent> events =
                stream.onItem().transformToMultiAndConcatenate(event -> translate(runId, event, sse));
        return withPings(events, sse);
    }

    private Multi<OutboundSseEvent> translate(String runId, SseEvent<String> event, Sse sse) {
        String type = event.name();
        if (type == null) {
            return Multi.createFrom().empty();
        }
        JsonNode data = parse(event.data());
        ObjectNode out = json.createObjectNode()
                .put("type", type)
                .put("content", "done".equals(type) ? "" : data.path("content").asText(""));
        if (data.has("tool_call")) {
            out.set("tool_call", toolCall(data.get("tool_call")));
        }
        if (data.hasNonNull("code")) {
            out.put("code", data.get("code").asText()); // why the run failed: worker_lost
        }
        OutboundSseEvent mapped = sse.newEventBuilder()
                .id(SPACE + runId + ":" + event.id())
                .data(SPACE + out)
                .build();
        boolean terminal = "done".equals(type) || "error".equals(type) || "cancelled".equals(type);
        return terminal
                ? Multi.createFrom()
                        .items(
                                mapped,
                                sse.newEventBuilder().data(SPACE + "[DONE]").build())
                : Multi.createFrom().item(mapped);
    }

    /**
     * A {@code tool_call} event's call in seed 004's tool call shape (snake_case): {@code tool_name},
     * {@code arguments}, {@code result}, {@code error}, {@code start_time}, {@code end_time}.
     */
    private JsonNode toolCall(JsonNode call) {
        if (!call.isObject()) {
            return call;
        }
        ObjectNode out = json.createObjectNode();
        out.set("tool_name", call.get("toolName"));
        out.set("arguments", call.get("arguments"));
        out.set("result", call.get("result"));
        out.set("error", call.get("error"));
        out.set("start_time", call.get("startTime"));
        out.set("end_time", call.get("endTime"));
        return out;
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data == null ? "{}" : data);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private Multi<OutboundSseEvent> withPings(Multi<OutboundSseEvent> events, Sse sse) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicLong lastSent = new AtomicLong(System.nanoTime());
            long timer = vertx.setPeriodic(PING_EVERY.toMillis() / 3, id -> {
                if (System.nanoTime() - lastSent.get() >= PING_EVERY.toNanos()) {
                    lastSent.set(System.nanoTime());
                    emitter.emit(sse.newEventBuilder().comment(SPACE + "ping").build());
                }
            });
            Cancellable subscription = events.subscribe()
                    .with(
                            event -> {
                                lastSent.set(System.nanoTime());
                                emitter.emit(event);
                            },
                            failure -> {
                                vertx.cancelTimer(timer);
                                emitter.emit(sse.newEventBuilder()
                                        .data(SPACE
                                                + json.createObjectNode()
                                                        .put("type", "error")
                                                        .put(
                                                                "content",
                                                                "the run's stream was interrupted; resume with GET /api/v1/runs/{id}/stream")
                                                        .toString())
                                        .build());
                                emitter.emit(sse.newEventBuilder()
                                        .data(SPACE + "[DONE]")
                                        .build());
                                emitter.complete();
                            },
                            () -> {
                                vertx.cancelTimer(timer);
                                emitter.complete();
                            });
            emitter.onTermination(() -> {
                vertx.cancelTimer(timer);
                subscription.cancel();
            });
        });
    }
}
