package dev.switchboard.gateway.rest.tools;

import dev.switchboard.gateway.client.run.ToolCatalogClient;
import dev.switchboard.gateway.security.Callers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/tools}: what an agent's {@code tools} may list on this deployment besides MCP servers of its
 * own ({@code url}), exactly as it would list them: {@code {"tools": [{"type": "builtin", "name": "calculator"},
 * {"type": "mcp", "server": "everything"}]}}. From run-service, which runs them; never a server's command,
 * arguments or environment.
 */
@Path("/api/v1/tools")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ToolCatalogResource {

    private final ToolCatalogClient catalog;
    private final Callers callers;

    public ToolCatalogResource(ToolCatalogClient catalog, Callers callers) {
        this.catalog = catalog;
        this.callers = callers;
    }

    @GET
    public Uni<ToolsResponse> list() {
        return catalog.list(callers.current()).map(ToolsResponse::of);
    }
}
