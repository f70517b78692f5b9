package dev.switchboard.run.tool;

import dev.switchboard.run.config.ToolsConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The operator's stdio MCP servers ({@code switchboard.tools.mcp.servers}), checked once: a name an agent could
 * not name, or a server without a program, stops run-service at start rather than failing runs later.
 */
final class StdioServers {

    /** The names agents use ({@code {"type": "mcp", "server": "<name>"}}); agent-service checks the same shape. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    private final Map<String, ToolsConfig.StdioServer> servers;

    StdioServers(Map<String, ToolsConfig.StdioServer> servers) {
        this.servers = servers == null ? Map.of() : Map.copyOf(servers);
        this.servers.forEach((name, server) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException(
                        "switchboard.tools.mcp.servers." + name + ": an MCP server name must match " + NAME.pattern());
            }
            if (server.command() == null || server.command().isBlank()) {
                throw new IllegalStateException("switchboard.tools.mcp.servers." + name + ".command must be set");
            }
        });
    }

    /** The server called {@code name}; null when the operator defined none by that name. */
    ToolsConfig.StdioServer get(String name) {
        return name == null ? null : servers.get(name);
    }

    /** Their names, sorted. */
    List<String> names() {
        return List.copyOf(new TreeSet<>(servers.keySet()));
    }

    /** Why an agent's {@code server} cannot be used: the names there are, or that there are none. */
    String unknown(String name) {
        String defined =
                servers.isEmpty() ? "this deployment defines none" : "defined here: " + String.join(", ", names());
        return "MCP server '" + name + "' is not defined by the operator (switchboard.tools.mcp.servers; " + defined
                + ")";
    }
}
