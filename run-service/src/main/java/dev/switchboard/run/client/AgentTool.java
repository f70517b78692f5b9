package dev.switchboard.run.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * One tool of an agent as agent-service sends it (in full: header and env values included): a built-in tool
 * ({@code type} {@code builtin}, {@code name}) or an MCP server ({@code type} {@code mcp}) with a {@code url}
 * (and {@code headers}) or a {@code command} (with {@code args} and {@code env}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentTool(
        String type,
        String name,
        String url,
        Map<String, String> headers,
        String command,
        List<String> args,
        Map<String, String> env) {

    public static final String BUILTIN = "builtin";
    public static final String MCP = "mcp";

    public static AgentTool builtin(String name) {
        return new AgentTool(BUILTIN, name, null, null, null, null, null);
    }

    public static AgentTool mcpUrl(String url, Map<String, String> headers) {
        return new AgentTool(MCP, null, url, headers, null, null, null);
    }

    public static AgentTool mcpCommand(String command, List<String> args, Map<String, String> env) {
        return new AgentTool(MCP, null, null, null, command, args, env);
    }

    /** How logs and error results name an MCP server: its URL or command, never its headers or env. */
    public String label() {
        if (url != null) {
            return "MCP server " + url;
        }
        return command != null ? "MCP server `" + command + "`" : "tool " + name;
    }
}
