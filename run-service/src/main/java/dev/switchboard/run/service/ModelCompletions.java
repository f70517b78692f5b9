package dev.switchboard.run.service;

import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.provider.ChatTurn;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.provider.ModelRequest;
import dev.switchboard.run.provider.ModelRoute;
import dev.switchboard.run.provider.ProviderException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One answer of a model outside any thread or run (a team's supervisor and summary), from the provider the model
 * is routed to; a provider's refusal is 502 {@code bad_gateway} (the detail is logged, never answered).
 */
@ApplicationScoped
public class ModelCompletions {

    private static final Logger LOG = Logger.getLogger(ModelCompletions.class);

    private final ModelProviders providers;

    public ModelCompletions(ModelProviders providers) {
        this.providers = providers;
    }

    /** The answer, and the provider that gave it. */
    public record Completion(String content, String provider, String model) {}

    public Uni<Completion> complete(String model, String instructions, String message) {
        ModelRoute route = providers.route(model);
        return providers
                .provider(route)
                .complete(new ModelRequest(
                        route.providerModel(),
                        "team",
                        instructions == null ? "" : instructions,
                        List.of(new ChatTurn.User(message)),
                        List.of()))
                .map(reply -> new Completion(reply.content(), route.provider(), model))
                .onFailure(ProviderException.class)
                .transform(e -> {
                    LOG.warnf("completion with %s failed: %s", model, ((ProviderException) e).detail());
                    return ApiException.badGateway(e.getMessage());
                });
    }
}
