package dev.switchboard.run.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tools of one run: built-ins and every tool of the agent's MCP servers that could be reached. Calls never
 * fail: an unknown tool, bad arguments, a tool's exception or a call slower than the timeout are error
 * results. Servers that could not be reached are in {@link #failures()}. {@link #close()} ends the MCP
 * sessions; call it when the run ends.
 */
public final class Toolbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Tool> tools;
    private final List<String> failures;
    private final List<McpConnection> connections;
    private final Duration callTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    Toolbox(List<Tool> tools, List<String> failures, List<McpConnection> connections, Duration callTimeout) {
        Map<String, Tool> byName = new LinkedHashMap<>();
        tools.forEach(tool -> byName.putIfAbsent(tool.name(), tool));
        this.tools = byName;
        this.failures = List.copyOf(failures);
        this.connections = List.copyOf(connections);
        this.callTimeout = callTimeout;
    }

    /** A toolbox with these tools and no MCP session, e.g. for an agent with only built-ins. */
    public static Toolbox of(List<Tool> tools, Duration callTimeout) {
        return new Toolbox(tools, List.of(), List.of(), callTimeout);
    }

    /** What the model is told about each tool, in the agent's order (built-ins, then each server's). */
    public List<ToolSpecification> specifications() {
        return tools.values().stream().map(Tool::specification).toList();
    }

    public boolean isEmpty() {
        return tools.isEmpty();
    }

    /** Why some of the agent's tools are missing (an MCP server unreachable, a tool disabled here). */
    public List<String> failures() {
        return failures;
    }

    /** Calls the tool {@code name} with JSON-text arguments (null or blank: no arguments). */
    public Uni<ToolResult> call(String name, String argumentsJson) {
        JsonNode arguments;
        try {
            arguments = argumentsJson == null || argumentsJson.isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(ToolResult.error("the arguments of " + name + " are not valid JSON"));
        }
        return call(name, arguments);
    }

    /** Calls the tool {@code name}; every failure is an error result. */
    public Uni<ToolResult> call(String name, JsonNode arguments) {
        Tool tool = name == null ? null : tools.get(name);
        if (tool == null) {
            return Uni.createFrom().item(ToolResult.error(unknown(name)));
        }
        if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
            return Uni.createFrom().item(ToolResult.error("the arguments of " + name + " must be a JSON object"));
        }
        return Uni.createFrom()
                .deferred(() -> tool.call(arguments == null ? JSON.createObjectNode() : arguments))
                .onItem()
                .ifNull()
                .continueWith(() -> ToolResult.error(name + " returned nothing"))
                .ifNoItem()
                .after(callTimeout)
                .recoverWithItem(
                        () -> ToolResult.error(name + " did not answer within " + callTimeout.toMillis() + " ms"))
                .onFailure()
                .recoverWithItem(failure -> ToolResult.error(name + " failed: " + message(failure)));
    }

    /** Ends every MCP session (stops stdio server processes); safe to call more than once. */
    public Uni<Void> close() {
        if (!closed.compareAndSet(false, true) || connections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> closing = new ArrayList<>();
        connections.forEach(connection -> closing.add(connection.close()));
        return Uni.join()
                .all(closing)
                .andCollectFailures()
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private String unknown(String name) {
        String text = "unknown tool '" + name + "'";
        if (!tools.isEmpty()) {
            text += "; available: " + String.join(", ", tools.keySet());
        }
        if (!failures.isEmpty()) {
            text += "; unavailable: " + String.join("; ", failures);
        }
        return text;
    }

    static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : "the tool failed";
    }
}
