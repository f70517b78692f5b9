package dev.switchboard.gateway.rest.models;

import dev.switchboard.gateway.client.run.ModelClient;
import dev.switchboard.gateway.security.Callers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The canonical models and the provider the operator configured for each ({@code offline} when none), from
 * run-service's catalog.
 */
@Path("/api/v1/models")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelClient models;
    private final Callers callers;

    public ModelResource(ModelClient models, Callers callers) {
        this.models = models;
        this.callers = callers;
    }

    @GET
    public Uni<ModelsResponse> list() {
        return models.list(callers.current())
                .map(list -> new ModelsResponse(list.models().stream()
                        .map(model -> new ModelsResponse.Model(model.id(), model.provider()))
                        .toList()));
    }

    /** {@code {"models": [{"id", "provider"}]}} in the canonical order. */
    public record ModelsResponse(List<Model> models) {

        public record Model(String id, String provider) {}
    }
}
