package dev.switchboard.run.rest;

import dev.switchboard.run.provider.ModelProviders;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The canonical models and the provider that serves each, as the operator configured them. */
@Path("/internal/models")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelProviders providers;

    public ModelResource(ModelProviders providers) {
        this.providers = providers;
    }

    @GET
    public ModelList list() {
        return new ModelList(providers.canonicalRoutes().stream()
                .map(route -> new ModelList.Model(route.modelId(), route.provider(), route.providerModel()))
                .toList());
    }

    /** {@code {"models": [{"id", "provider", "providerModel"}]}} in the canonical order. */
    public record ModelList(List<Model> models) {

        public record Model(String id, String provider, String providerModel) {}
    }
}
