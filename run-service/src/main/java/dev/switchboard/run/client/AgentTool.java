package dev.switchboard.run.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One tool of an agent as agent-service sends it (in full: header values included): a built-in tool
 * ({@code type} {@code builtin}, {@code name}) or an MCP server ({@code type} {@code mcp}) reached over streamable
 * HTTP ({@code url}, {@code headers}) or one of the operator's stdio servers picked by name ({@code server};
 * the operator defines its command, arguments and environment in {@code switchboard.tools.mcp.servers}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentTool(String type, String name, String url, Map<String, String> headers, String server) {

    public static final String BUILTIN = "builtin";
    public static final String MCP = "mcp";

    public static AgentTool builtin(String name) {
        return new AgentTool(BUILTIN, name, null, null, null);
    }

    public static AgentTool mcpUrl(String url, Map<String, String> headers) {
        return new AgentTool(MCP, null, url, headers, null);
    }

    public static AgentTool mcpServer(String server) {
        return new AgentTool(MCP, null, null, null, server);
    }

    /** How logs and error results name an MCP server: its URL or its name, never its headers. */
    public String label() {
        if (url != null) {
            return "MCP server " + url;
        }
        return server != null ? "MCP server '" + server + "'" : "tool " + name;
    }
}
