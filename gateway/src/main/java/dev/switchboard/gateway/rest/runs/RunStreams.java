package dev.switchboard.gateway.rest.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.client.run.RunClient;
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
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * A run's stream in seed 003's format: {@code data: {"type": "text", "content": "..."}} per chunk as the model
 * sent it, then {@code data: {"type": "done", "content": ""}} (or {@code error} / {@code cancelled} with the
 * reason or the partial answer) and {@code data: [DONE]}. Every event but the last carries
 * {@code id: <run id>:<n>}, so a client can resume with {@code GET /api/v1/runs/{id}/stream} and
 * {@code Last-Event-ID}; an idle stream gets a {@code : ping} comment every 15 s; nothing is buffered. A
 * {@code tool_call} event carries the finished call in seed 004's shape ({@code tool_call: {"tool_name", ...}}).
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

    public RunStreams(RunClient runs, ObjectMapper json, Vertx vertx) {
        this.runs = runs;
        this.json = json;
        this.vertx = vertx;
    }

    /** Sets the headers that stop proxies buffering and name the run; call before the response is committed. */
    public static void headers(HttpServerResponse response, String runId, String threadId) {
        response.putHeader("Cache-Control", "no-cache");
        response.putHeader("X-Accel-Buffering", "no");
        response.putHeader("X-Run-Id", runId);
        if (threadId != null) {
            response.putHeader("X-Thread-Id", threadId);
        }
    }

    public Multi<OutboundSseEvent> follow(String runId, int since, Caller caller, Sse sse) {
        return follow(runId, runs.stream(runId, since, caller), sse);
    }

    /** The events of run-service's stream of the run, in seed 003's format, with pings. */
    public Multi<OutboundSseEvent> follow(String runId, Multi<SseEvent<String>> stream, Sse sse) {
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
