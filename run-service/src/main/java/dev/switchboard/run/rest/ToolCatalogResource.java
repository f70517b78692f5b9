package dev.switchboard.run.rest;

import dev.switchboard.run.client.AgentTool;
import dev.switchboard.run.tool.ToolRegistry;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The tools an agent may list on this deployment, as it would list them: {@code {"tools": [{"type": "builtin",
 * "name": "calculator"}, {"type": "mcp", "server": "everything"}, …]}}: the built-ins offered and the operator's
 * stdio MCP servers by name (never their commands, arguments or environment). MCP servers with a {@code url}
 * are the agent's own and not listed.
 */
@Path("/internal/tools")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ToolCatalogResource {

    private final ToolRegistry registry;

    public ToolCatalogResource(ToolRegistry registry) {
        this.registry = registry;
    }

    @GET
    public ToolCatalog list() {
        return new ToolCatalog(registry.catalog());
    }

    public record ToolCatalog(List<AgentTool> tools) {}
}
