package dev.switchboard.run.tool;

import dev.switchboard.run.client.AgentTool;
import dev.switchboard.run.client.AgentView;
import dev.switchboard.run.config.ToolsConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Resolves an agent's tools for one run: its built-ins, and every tool of each of its MCP servers (sessions
 * opened in parallel). A server that cannot be reached, or a stdio server name the operator did not define, is
 * logged and reported by the toolbox; the other tools still work. Created at start, so a wrong operator
 * definition of a stdio server stops the service there.
 */
@Startup
@ApplicationScoped
public class ToolRegistry {

    private static final Logger LOG = Logger.getLogger(ToolRegistry.class);
    /** The tool names model providers accept. */
    static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ToolsConfig config;
    private final AddressGuard.Resolver resolver;
    private final Map<String, Tool> builtins;
    private final StdioServers stdioServers;

    @Inject
    public ToolRegistry(ToolsConfig config, Vertx vertx) {
        this(config, vertx, InetAddress::getAllByName);
    }

    /** With another resolver of host names, for tests. */
    ToolRegistry(ToolsConfig config, Vertx vertx, AddressGuard.Resolver resolver) {
        this.config = config;
        this.resolver = resolver;
        this.builtins = Map.of(
                CurrentTimeTool.NAME, new CurrentTimeTool(Clock.systemUTC()),
                CalculatorTool.NAME, new CalculatorTool(),
                HttpGetTool.NAME, new HttpGetTool(config.httpGet(), vertx, resolver));
        this.stdioServers = new StdioServers(config.mcp().servers());
    }

    /**
     * What an agent may list here, as it lists them: the built-ins offered ({@code http_get} only when enabled)
     * and the operator's stdio MCP servers by name. Never a server's command, arguments or environment.
     */
    public List<AgentTool> catalog() {
        List<AgentTool> catalog = new ArrayList<>();
        for (String name : List.of(CalculatorTool.NAME, CurrentTimeTool.NAME, HttpGetTool.NAME)) {
            if (!HttpGetTool.NAME.equals(name) || config.httpGet().enabled()) {
                catalog.add(AgentTool.builtin(name));
            }
        }
        stdioServers.names().forEach(name -> catalog.add(AgentTool.mcpServer(name)));
        return List.copyOf(catalog);
    }

    /** The agent's tools; close the toolbox when the run ends. */
    public Uni<Toolbox> forAgent(AgentView agent) {
        List<Tool> tools = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<AgentTool> servers = new ArrayList<>();
        for (AgentTool tool : agent.toolsOrEmpty()) {
            if (AgentTool.MCP.equals(tool.type())) {
                String refused = refusal(tool);
                if (refused == null) {
                    servers.add(tool);
                } else {
                    LOG.warnf("agent %s: %s", agent.uuid(), refused);
                    failures.add(refused);
                }
            } else if (HttpGetTool.NAME.equals(tool.name()) && !config.httpGet().enabled()) {
                failures.add("http_get is disabled on this server");
            } else if (builtins.containsKey(tool.name())) {
                tools.add(builtins.get(tool.name()));
            } else {
                failures.add("unknown built-in tool " + tool.name());
            }
        }
        if (servers.isEmpty()) {
            return Uni.createFrom().item(new Toolbox(tools, failures, List.of(), config.callTimeout()));
        }
        List<Uni<Opened>> opening =
                servers.stream().map(server -> open(agent, server)).toList();
        return Uni.join().all(opening).andFailFast().map(opened -> {
            List<McpConnection> connections = new ArrayList<>();
            Set<String> names = new HashSet<>();
            tools.forEach(tool -> names.add(tool.name()));
            for (Opened result : opened) {
                if (result.connection() == null) {
                    failures.add(result.failure());
                    continue;
                }
                connections.add(result.connection());
                addServerTools(result.connection(), tools, names, failures);
            }
            return new Toolbox(tools, failures, connections, config.callTimeout());
        });
    }

    /** Why this MCP server cannot be opened at all (null: it can be tried). */
    private String refusal(AgentTool server) {
        if (server.url() != null) {
            return null;
        }
        if (server.server() == null) {
            return "an MCP server needs a url or the name of one of the operator's servers";
        }
        return stdioServers.get(server.server()) == null ? stdioServers.unknown(server.server()) : null;
    }

    private Uni<Opened> open(AgentView agent, AgentTool server) {
        return McpConnection.open(server, stdioServers.get(server.server()), config, resolver)
                .map(connection -> new Opened(connection, null))
                .onFailure()
                .recoverWithItem(failure -> {
                    String message = server.label() + " is unavailable: " + Toolbox.message(failure);
                    LOG.warnf("agent %s: %s", agent.uuid(), message);
                    return new Opened(null, message);
                });
    }

    private static void addServerTools(
            McpConnection connection, List<Tool> tools, Set<String> names, List<String> failures) {
        for (var listed : connection.tools()) {
            if (listed.name() == null || !TOOL_NAME.matcher(listed.name()).matches()) {
                failures.add(connection.server().label() + ": the tool name '" + listed.name() + "' is not usable");
            } else if (!names.add(listed.name())) {
                failures.add(connection.server().label() + ": the tool " + listed.name()
                        + " is skipped, an earlier tool has its name");
            } else {
                tools.add(new McpTool(connection, listed));
            }
        }
    }

    private record Opened(McpConnection connection, String failure) {}
}
