package dev.switchboard.gateway.rest.catalog;

import dev.switchboard.gateway.client.run.CatalogClient;
import dev.switchboard.gateway.client.run.ToolCatalog;
import dev.switchboard.gateway.security.Callers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * run-service's read-only catalogs. {@code GET /api/v1/models}: the canonical models and the provider the operator
 * configured for each ({@code offline} when none). {@code GET /api/v1/tools}: what an agent's {@code tools} may
 * list on this deployment besides MCP servers of its own ({@code url}), exactly as it would list them:
 * {@code {"tools": [{"type": "builtin", "name": "calculator"}, {"type": "mcp", "server": "everything"}]}}; from
 * run-service, which runs them; never a server's command, arguments or environment.
 */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogClient catalog;
    private final Callers callers;

    public CatalogResource(CatalogClient catalog, Callers callers) {
        this.catalog = catalog;
        this.callers = callers;
    }

    @GET
    @Path("/models")
    public Uni<ModelsResponse> models() {
        return catalog.models(callers.current())
                .map(list -> new ModelsResponse(list.models().stream()
                        .map(model -> new ModelsResponse.Model(model.id(), model.provider()))
                        .toList()));
    }

    /** The tools as run-service lists them, each as an agent's {@code tools} would list it (absent fields left out). */
    @GET
    @Path("/tools")
    public Uni<ToolCatalog> tools() {
        return catalog.tools(callers.current());
    }

    /** {@code {"models": [{"id", "provider"}]}} in the canonical order. */
    public record ModelsResponse(List<Model> models) {

        public record Model(String id, String provider) {}
    }
}
