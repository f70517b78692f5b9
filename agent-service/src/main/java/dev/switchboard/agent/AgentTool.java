package dev.switchboard.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One tool of an agent: a built-in tool ({@code type} {@code builtin}, {@code name}) or an MCP server
 * ({@code type} {@code mcp}) reached over streamable HTTP ({@code url}, optional {@code headers}) or one of the
 * operator's stdio servers, picked by name ({@code server}: run-service's {@code switchboard.tools.mcp.servers}
 * says what it runs). Fields that do not apply are null and left out of the JSON.
 * <p>
 * Stored, the {@code headers} values are sealed ({@code tool/ToolSecrets}); in memory and on the internal API they
 * are clear. Stored JSON written before the operator defined stdio servers has other fields ({@code command},
 * {@code args}, {@code env}): they are ignored on reading, and {@code tool/StoredToolsUpgrade} removes such tools.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
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

    /** The same tool with other header values (null: none). */
    public AgentTool withHeaders(Map<String, String> newHeaders) {
        return new AgentTool(type, name, url, newHeaders, server);
    }

    /** An MCP server stored before the operator defined stdio servers: it named a command of its own. */
    @JsonIgnore
    public boolean isRetiredStdioServer() {
        return MCP.equals(type) && url == null && server == null;
    }
}
