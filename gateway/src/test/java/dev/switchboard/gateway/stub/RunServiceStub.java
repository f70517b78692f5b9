package dev.switchboard.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.stub.StubHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * run-service's {@code POST /internal/runs} as docs/internal-api.md describes it: appends the user message and
 * an assistant answer ("echo: ...") to the thread the mode names, and answers the completed run.
 */
public class RunServiceStub extends WorldStub {

    /** The canonical model ids this run-service lists (some of seed 000's, in its order). */
    public static final List<String> MODELS = List.of(
            "claude-sonnet-4.6", "claude-opus-4.8", "gpt-5.2", "gpt-5.5", "gpt-5-mini", "grok-4.3-fast", "grok-4.3");

    RunServiceStub(StubWorld world) {
        super("run-service", world, world.teams()::runService);
    }

    @Override
    protected void handle(HttpExchange exchange, StubHttp.Caller caller, String body) throws IOException {
        if (exchange.getRequestMethod().equals("GET")
                && exchange.getRequestURI().getPath().equals("/internal/models")) {
            models(exchange);
            return;
        }
        if (exchange.getRequestMethod().equals("GET")
                && exchange.getRequestURI().getPath().equals("/internal/tools")) {
            StubHttp.send(exchange, 200, StubHttp.json("""
                    {"tools": [{"type": "builtin", "name": "calculator"}, {"type": "builtin", "name": "current_time"},
                               {"type": "mcp", "server": "everything"}]}"""));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/internal/runs/")) {
            ObjectNode recorded = runs.get(path.substring("/internal/runs/".length()));
            if (recorded == null) {
                throw StubHttp.notFound("run not found", null);
            }
            StubHttp.send(exchange, 200, recorded);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !path.equals("/internal/runs")) {
            throw StubHttp.notFound("no such route: " + exchange.getRequestURI().getPath(), null);
        }
        JsonNode run = StubHttp.json(body);
        String message = StubHttp.text(run, "message");
        if (message == null || message.isEmpty()) {
            throw StubHttp.invalid("message", "message is required");
        }
        // agentId (its UUID) or agent (as the gateway's caller named it: numeric id, UUID or handle)
        String agentId = StubHttp.text(run, "agentId");
        String agentRef = agentId != null ? agentId : StubHttp.text(run, "agent");
        String agentField = agentId != null || agentRef == null ? "agentId" : "agent";
        StubWorld.Agent agent = world.agent(caller.org(), agentRef == null ? "" : agentRef)
                .orElseThrow(() -> StubHttp.notFound("agent " + agentRef + " not found", agentField));
        StubWorld.Thread thread = switch (String.valueOf(StubHttp.text(run, "threadMode"))) {
            case "new" -> world.newThread(caller.org(), caller.user(), agent);
            case "current" -> world.currentThread(caller.org(), caller.user(), agent);
            case "existing" -> existing(caller, agent, StubHttp.text(run, "threadId"));
            default -> throw StubHttp.invalid("threadMode", "threadMode must be one of: new, existing, current");
        };
        UUID runId =
                StubHttp.text(run, "runId") != null ? UUID.fromString(StubHttp.text(run, "runId")) : UUID.randomUUID();
        if (runs.containsKey(runId.toString())) {
            throw new StubHttp.Failure(409, "conflict", "run id " + runId + " is taken", "runId");
        }
        String model = StubHttp.text(run, "model") != null ? StubHttp.text(run, "model") : agent.model();
        // userMessageId: the caller appended the user message already (seed 002's first message, seed 004)
        if (StubHttp.text(run, "userMessageId") == null) {
            world.append(thread, "user", message, caller.user(), runId);
        }
        pause();
        StubWorld.Message answer = world.append(
                thread, assistantMessageId(caller.org(), runId), "assistant", "echo: " + message, null, runId);
        String now = StubHttp.time(Instant.now());
        ObjectNode result = StubHttp.JSON
                .createObjectNode()
                .put("runId", runId.toString())
                .put("threadId", thread.id())
                .put("status", "completed")
                .put("content", answer.content())
                .put("model", model)
                .put("provider", "offline")
                .put("createdAt", now)
                .put("startedAt", now)
                .put("completedAt", now);
        result.putObject("agent")
                .put("id", agent.id())
                .put("uuid", agent.uuid().toString())
                .put("name", agent.name())
                .put("handle", agent.handle());
        runs.put(runId.toString(), result);
        if (lose > 0) {
            lose--;
            return; // no answer: the connection is closed as the replica's process would have left it
        }
        StubHttp.send(exchange, 200, result);
    }

    /**
     * The next {@code count} runs are recorded and answered in the world, but their callers get no answer: the
     * connection closes before it (a run-service replica killed once the run was recorded). The run is still there
     * for {@code GET /internal/runs/{id}}.
     */
    public void loseAnswers(int count) {
        lose = count;
    }

    /** {@code GET /internal/models}: {@link #MODELS}, the Claude ones on anthropic, the rest offline. */
    private static void models(HttpExchange exchange) throws IOException {
        ObjectNode answer = StubHttp.JSON.createObjectNode();
        var models = answer.putArray("models");
        for (String id : MODELS) {
            String provider = id.startsWith("claude-") ? "anthropic" : "offline";
            models.addObject().put("id", id).put("provider", provider).put("providerModel", id);
        }
        StubHttp.send(exchange, 200, answer);
    }

    /** The body of the newest request received, a run as the gateway asked for it. */
    public JsonNode lastRun() {
        return StubHttp.json(last().body());
    }

    /** run-service's deterministic id of the assistant message of a run of the org. */
    public static UUID assistantMessageId(String org, UUID runId) {
        return UUID.nameUUIDFromBytes((org + ":" + runId + ":assistant").getBytes(StandardCharsets.UTF_8));
    }

    private volatile Gate hold;
    private volatile int lose;
    private final Map<String, ObjectNode> runs = new ConcurrentHashMap<>();

    /**
     * From now on every run waits at the gate before it answers (a run still in progress) until the test lets it
     * through; null: runs answer at once, and a run still held is let through.
     */
    public void holdRuns(Gate gate) {
        Gate previous = hold;
        hold = gate;
        if (previous != null && gate == null) {
            previous.open();
        }
    }

    private void pause() {
        Gate gate = hold;
        if (gate != null) {
            gate.pass();
        }
    }

    private StubWorld.Thread existing(StubHttp.Caller caller, StubWorld.Agent agent, String threadId) {
        if (threadId == null) {
            throw StubHttp.invalid("threadId", "threadId is required when threadMode is existing");
        }
        return world.thread(caller.org(), threadId)
                .filter(t -> t.agentId().equals(agent.uuid()))
                .orElseThrow(() -> StubHttp.notFound("thread " + threadId + " not found", "threadId"));
    }
}
