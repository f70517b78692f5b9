package dev.switchboard.run.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.run.Run;
import dev.switchboard.run.client.AgentView;
import dev.switchboard.run.client.NewMessage;
import dev.switchboard.run.client.ThreadClient;
import dev.switchboard.run.config.ToolsConfig;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.provider.ModelRequest;
import dev.switchboard.run.provider.ModelRoute;
import dev.switchboard.run.stream.CancelSignal;
import dev.switchboard.run.tool.ToolRegistry;
import dev.switchboard.run.tool.ToolStep;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * A run's answer, buffered or streamed alike: the agent's tools resolved (and closed after), the model and tools
 * in turns ({@link ToolLoop}), then the answer stored in the thread with its {@code toolCalls} and the run closed
 * with its usage and the tool of each call (published as {@code toolsUsed}).
 */
@ApplicationScoped
public class RunAnswers {

    private final ModelProviders providers;
    private final ToolRegistry tools;
    private final ToolsConfig toolsConfig;
    private final ThreadClient threads;
    private final RunLedger ledger;
    private final ObjectMapper json;

    public RunAnswers(ModelProviders providers, ToolRegistry tools, ToolsConfig toolsConfig, ThreadClient threads,
            RunLedger ledger, ObjectMapper json) {
        this.providers = providers;
        this.tools = tools;
        this.toolsConfig = toolsConfig;
        this.threads = threads;
        this.ledger = ledger;
        this.json = json;
    }

    Uni<ToolLoop.Result> answer(AgentView agent, ModelRoute route, ModelRequest model, ToolLoop.Listener listener,
            CancelSignal signal) {
        return tools.forAgent(agent).flatMap(toolbox -> new ToolLoop(providers.provider(route), toolbox,
                toolsConfig.maxSteps(), listener).run(model, signal).eventually(toolbox::close));
    }

    /** Stores the answer with its tool calls and completes the run ({@code run.completed}). */
    Uni<Run> complete(Run run, ToolLoop.Result result, String auth) {
        return store(run, result, auth).chain(() -> ledger.complete(run.id, result.reply(), stepsJson(result),
                toolNames(result)));
    }

    /** Stores what the run produced before it was stopped and marks it cancelled ({@code run.cancelled}). */
    Uni<Run> cancel(Run run, ToolLoop.Result result, String auth) {
        Uni<Void> stored = result.text().isEmpty() && result.steps().isEmpty() ? Uni.createFrom().voidItem()
                : store(run, result, auth);
        return stored.chain(() -> ledger.cancel(run.id, result.text(), result.inputTokens(), result.outputTokens(),
                stepsJson(result), toolNames(result)));
    }

    JsonNode step(ToolStep step) {
        return json.valueToTree(step);
    }

    private Uni<Void> store(Run run, ToolLoop.Result result, String auth) {
        JsonNode calls = result.steps().isEmpty() ? null : json.valueToTree(result.steps());
        return threads.append(run.threadId, new NewMessage(RunService.messageId(run.id, "assistant"), "assistant",
                result.text(), run.id, calls), auth).replaceWithVoid();
    }

    private String stepsJson(ToolLoop.Result result) {
        return result.steps().isEmpty() ? null : json.valueToTree(result.steps()).toString();
    }

    private static List<String> toolNames(ToolLoop.Result result) {
        return result.steps().stream().map(ToolStep::toolName).toList();
    }
}
