package dev.switchboard.agent;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One tool of an agent: a built-in tool ({@code type} {@code builtin}, {@code name}) or an MCP server
 * ({@code type} {@code mcp}) reached over streamable HTTP ({@code url}, optional {@code headers}) or started
 * as a local process speaking stdio ({@code command}, optional {@code args} and {@code env}). Fields that do
 * not apply are null and left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
}
