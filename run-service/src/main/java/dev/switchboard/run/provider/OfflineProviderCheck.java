package dev.switchboard.run.provider;

import dev.switchboard.platform.web.production.DevelopmentDefault;
import dev.switchboard.platform.web.production.ProductionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * run-service's development default for the platform's production check: a canonical model answered by the built-in
 * {@code offline} provider (no provider configured for it), which a production start refuses unless the operator
 * says so with {@code switchboard.allow-offline-provider=true} (a demo, a test deployment).
 */
@ApplicationScoped
public class OfflineProviderCheck implements DevelopmentDefault {

    public static final String ALLOW = "switchboard.allow-offline-provider";

    private final ModelProviders providers;
    private final Config config;

    public OfflineProviderCheck(ModelProviders providers, Config config) {
        this.providers = providers;
        this.config = config;
    }

    @Override
    public List<String> inForce() {
        return offline(providers.canonicalRoutes(), ProductionSettings.flag(config, ALLOW));
    }

    static List<String> offline(List<ModelRoute> routes, boolean allowed) {
        List<String> offline = routes.stream()
                .filter(route -> route.provider().equals(OfflineModelProvider.NAME))
                .map(ModelRoute::modelId)
                .toList();
        if (offline.isEmpty() || allowed) {
            return List.of();
        }
        return List.of("models " + String.join(", ", offline) + " would be answered by the offline provider (canned "
                + "replies): configure SWITCHBOARD_OPENAI_BASE_URL / SWITCHBOARD_OPENAI_API_KEY / "
                + "SWITCHBOARD_ANTHROPIC_API_KEY (or SWITCHBOARD_MODEL_OVERRIDES), or set " + ALLOW + "=true");
    }
}
