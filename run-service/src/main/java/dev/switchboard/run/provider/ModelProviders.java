package dev.switchboard.run.provider;

import dev.switchboard.run.config.ProvidersConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured providers and the catalog that picks one per model: {@code offline} always, {@code openai}
 * with {@code SWITCHBOARD_OPENAI_BASE_URL} or {@code SWITCHBOARD_OPENAI_API_KEY}, {@code anthropic} with
 * {@code SWITCHBOARD_ANTHROPIC_API_KEY}. Built at start, so a bad {@code SWITCHBOARD_MODEL_OVERRIDES} entry stops
 * the service there rather than failing its first run.
 */
@Startup
@ApplicationScoped
public class ModelProviders {

    private final ModelCatalog catalog;
    private final Map<String, ModelProvider> providers = new HashMap<>();

    public ModelProviders(ProvidersConfig config) {
        Optional<String> openAiUrl = present(config.openai().baseUrl());
        Optional<String> openAiKey = present(config.openai().apiKey());
        Optional<String> anthropicKey = present(config.anthropic().apiKey());
        this.catalog = new ModelCatalog(
                openAiUrl.isPresent(),
                openAiKey.isPresent(),
                anthropicKey.isPresent(),
                config.modelOverrides().orElse(List.of()));
        ProviderSettings settings = new ProviderSettings(
                config.connectTimeout(),
                config.readTimeout(),
                config.maxRetries(),
                config.retryBackoff(),
                config.maxRetryBackoff(),
                config.maxOutputTokens());
        providers.put(OfflineModelProvider.NAME, new OfflineModelProvider());
        if (openAiUrl.isPresent() || openAiKey.isPresent()) {
            providers.put(
                    OpenAiCompatibleProvider.NAME,
                    OpenAiCompatibleProvider.create(
                            openAiUrl.orElse(OpenAiCompatibleProvider.DEFAULT_BASE_URL),
                            openAiKey.orElse(null),
                            settings));
        }
        anthropicKey.ifPresent(key -> providers.put(
                AnthropicProvider.NAME,
                AnthropicProvider.create(config.anthropic().baseUrl(), key, settings)));
    }

    public ModelRoute route(String modelId) {
        return catalog.route(modelId);
    }

    /** The provider of a route this catalog gave. */
    public ModelProvider provider(ModelRoute route) {
        ModelProvider provider = providers.get(route.provider());
        if (provider == null) {
            throw new IllegalStateException("provider " + route.provider() + " is not configured");
        }
        return provider;
    }

    public List<ModelRoute> canonicalRoutes() {
        return catalog.canonicalRoutes();
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
