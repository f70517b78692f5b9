package dev.switchboard.gateway.rest.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.gateway.client.agent.AgentToolView;
import dev.switchboard.gateway.client.run.ToolCatalog;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/tools}: {@code {"tools": [{"type": "builtin", "name": "calculator"}, {"type": "mcp",
 * "server": "everything"}]}}, each tool as an agent's {@code tools} would list it (absent fields left out).
 */
public record ToolsResponse(List<Tool> tools) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tool(String type, String name, String url, Map<String, String> headers, String server) {}

    static ToolsResponse of(ToolCatalog catalog) {
        List<AgentToolView> tools = catalog.tools();
        return new ToolsResponse(
                tools == null
                        ? null
                        : tools.stream()
                                .map(t -> new Tool(t.type(), t.name(), t.url(), t.headers(), t.server()))
                                .toList());
    }
}
