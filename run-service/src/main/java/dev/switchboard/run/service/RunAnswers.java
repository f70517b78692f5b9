package dev.switchboard.run.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunKey;
import dev.switchboard.run.client.AgentView;
import dev.switchboard.run.client.NewMessage;
import dev.switchboard.run.client.ThreadClient;
import dev.switchboard.run.config.ToolsConfig;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.provider.ModelRequest;
import dev.switchboard.run.provider.ModelRoute;
import dev.switchboard.run.provider.TokenEstimate;
import dev.switchboard.run.stream.CancelSignal;
import dev.switchboard.run.stream.RunEventLog;
import dev.switchboard.run.stream.StreamEvent;
import dev.switchboard.run.tool.ToolRegistry;
import dev.switchboard.run.tool.ToolStep;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A run's answer, buffered or streamed alike: the agent's tools resolved (and closed after), the model and tools
 * in turns ({@link ToolLoop}), then the answer stored in the thread with its {@code toolCalls} and the run closed
 * with its usage and the tool of each call (published as {@code toolsUsed}).
 */
@ApplicationScoped
public class RunAnswers {

    private static final Logger LOG = Logger.getLogger(RunAnswers.class);

    private final ModelProviders providers;
    private final ToolRegistry tools;
    private final ToolsConfig toolsConfig;
    private final ThreadClient threads;
    private final RunLedger ledger;
    private final ObjectMapper json;
    private final RunEventLog log;

    public RunAnswers(
            ModelProviders providers,
            ToolRegistry tools,
            ToolsConfig toolsConfig,
            ThreadClient threads,
            RunLedger ledger,
            ObjectMapper json,
            RunEventLog log) {
        this.log = log;
        this.providers = providers;
        this.tools = tools;
        this.toolsConfig = toolsConfig;
        this.threads = threads;
        this.ledger = ledger;
        this.json = json;
    }

    Uni<ToolLoop.Result> answer(
            AgentView agent, ModelRoute route, ModelRequest model, ToolLoop.Listener listener, CancelSignal signal) {
        return tools.forAgent(agent)
                .flatMap(toolbox -> new ToolLoop(providers.provider(route), toolbox, toolsConfig.maxSteps(), listener)
                        .run(model, signal)
                        .eventually(toolbox::close));
    }

    /** Stores the answer with its tool calls and completes the run ({@code run.completed}). */
    Uni<Run> complete(Run run, ToolLoop.Result result, String auth) {
        return store(run, result, auth)
                .chain(() -> ledger.complete(run.key(), result.reply(), stepsJson(result), toolNames(result)));
    }

    /** Stores what the run produced before it was stopped and marks it cancelled ({@code run.cancelled}). */
    Uni<Run> cancel(Run run, ToolLoop.Result result, String auth) {
        Uni<Void> stored = result.text().isEmpty() && result.steps().isEmpty()
                ? Uni.createFrom().voidItem()
                : store(run, result, auth);
        return stored.chain(() -> ledger.cancel(
                run.key(),
                result.text(),
                result.inputTokens(),
                result.outputTokens(),
                stepsJson(result),
                toolNames(result)));
    }

    /** A run stopped mid-answer has no usage from the provider for that round: estimate it. */
    static ToolLoop.Result estimated(ToolLoop.Result result, ModelRequest model) {
        if (result.inputTokens() > 0) {
            return result;
        }
        int input = TokenEstimate.of(model.instructions())
                + model.turns().stream()
                        .mapToInt(turn -> TokenEstimate.of(turn.text()))
                        .sum();
        return new ToolLoop.Result(
                result.text(), result.steps(), input, TokenEstimate.of(result.text()), result.finishReason(), true);
    }

    /** A {@code tool_call} stream event: {@code {"content": "", "tool_call": step}}. */
    StreamEvent toolCallEvent(int seq, ToolStep step) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("content", "");
        data.set("tool_call", json.valueToTree(step));
        return new StreamEvent(seq, StreamEvent.TOOL_CALL, data);
    }

    /**
     * A buffered run's stream, written whole once it has ended (its tool calls, its answer as one {@code text}
     * event, then {@code done} or {@code cancelled}), so that {@code GET /internal/runs/{id}/stream} replays any run.
     */
    Uni<Void> recordStream(Run run, ToolLoop.Result result) {
        List<StreamEvent> events = new ArrayList<>();
        for (ToolStep step : result.steps()) {
            events.add(toolCallEvent(events.size() + 1, step));
        }
        if (!result.text().isEmpty()) {
            events.add(StreamEvent.text(events.size() + 1, result.text()));
        }
        events.add(
                result.cancelled()
                        ? StreamEvent.cancelled(events.size() + 1, result.text())
                        : StreamEvent.done(events.size() + 1));
        return stored(run.key(), events);
    }

    /** A failed buffered run's stream: its {@code error} event. */
    Uni<Void> recordFailure(RunKey run, String message) {
        return stored(run, List.of(StreamEvent.error(1, message)));
    }

    /** The stream is a record of the run: a failure to store it is logged, never the run's failure. */
    private Uni<Void> stored(RunKey run, List<StreamEvent> events) {
        return log.append(run, events).onFailure().recoverWithUni(e -> {
            LOG.warnf(e, "run %s: its stream events were not stored", run.id());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> store(Run run, ToolLoop.Result result, String auth) {
        JsonNode calls = result.steps().isEmpty() ? null : json.valueToTree(result.steps());
        return threads.append(
                        run.threadId,
                        new NewMessage(
                                RunPrompts.messageId(run, "assistant"), "assistant", result.text(), run.id, calls),
                        auth)
                .replaceWithVoid();
    }

    private String stepsJson(ToolLoop.Result result) {
        return result.steps().isEmpty()
                ? null
                : json.valueToTree(result.steps()).toString();
    }

    private static List<String> toolNames(ToolLoop.Result result) {
        return result.steps().stream().map(ToolStep::toolName).toList();
    }
}
