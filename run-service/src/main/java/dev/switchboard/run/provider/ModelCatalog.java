package dev.switchboard.run.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which provider serves each model id, by the operator's configuration:
 * <ol>
 * <li>an override ({@code id=provider:provider-model}) wins;</li>
 * <li>with an Anthropic key, {@code claude-*} ids go to Anthropic (dots become dashes:
 * {@code claude-sonnet-4.6} is asked for as {@code claude-sonnet-4-6});</li>
 * <li>with an OpenAI-compatible base URL, every other id goes there under its own name (one OpenRouter or
 * LiteLLM URL serves the whole list);</li>
 * <li>with only an OpenAI API key, {@code gpt-*} ids go to api.openai.com under their own name;</li>
 * <li>anything else is answered by the {@code offline} provider.</li>
 * </ol>
 */
public final class ModelCatalog {

    private static final Set<String> PROVIDERS =
            Set.of(OpenAiCompatibleProvider.NAME, AnthropicProvider.NAME, OfflineModelProvider.NAME);

    private final boolean openAiBaseUrl;
    private final boolean openAiKey;
    private final boolean anthropicKey;
    private final Map<String, ModelRoute> overrides = new LinkedHashMap<>();

    /**
     * @param overrides entries {@code model-id=provider:provider-model}; an entry naming an unknown or
     *                  unconfigured provider is refused ({@link IllegalArgumentException}), so a typo never
     *                  sends a model to {@code offline} silently
     */
    public ModelCatalog(boolean openAiBaseUrl, boolean openAiKey, boolean anthropicKey, List<String> overrides) {
        this.openAiBaseUrl = openAiBaseUrl;
        this.openAiKey = openAiKey;
        this.anthropicKey = anthropicKey;
        for (String entry : overrides) {
            if (!entry.isBlank()) {
                ModelRoute route = parse(entry.strip());
                this.overrides.put(route.modelId(), route);
            }
        }
    }

    public ModelRoute route(String modelId) {
        ModelRoute override = overrides.get(modelId);
        if (override != null) {
            return override;
        }
        if (anthropicKey && modelId.startsWith("claude-")) {
            return new ModelRoute(modelId, AnthropicProvider.NAME, modelId.replace('.', '-'));
        }
        if (openAiBaseUrl || (openAiKey && modelId.startsWith("gpt-"))) {
            return new ModelRoute(modelId, OpenAiCompatibleProvider.NAME, modelId);
        }
        return new ModelRoute(modelId, OfflineModelProvider.NAME, modelId);
    }

    /** Every canonical model's route, in the canonical order. */
    public List<ModelRoute> canonicalRoutes() {
        return CanonicalModels.IDS.stream().map(this::route).toList();
    }

    private ModelRoute parse(String entry) {
        int equals = entry.indexOf('=');
        int colon = entry.indexOf(':', equals + 1);
        if (equals <= 0 || colon < 0 || colon == equals + 1 || colon == entry.length() - 1) {
            throw new IllegalArgumentException(
                    "model override '" + entry + "' is not of the form model-id=provider:provider-model");
        }
        String modelId = entry.substring(0, equals).strip();
        String provider = entry.substring(equals + 1, colon).strip();
        String providerModel = entry.substring(colon + 1).strip();
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("model override '" + entry + "' names provider '" + provider
                    + "'; the providers are openai, anthropic and offline");
        }
        if (provider.equals(AnthropicProvider.NAME) && !anthropicKey) {
            throw new IllegalArgumentException(
                    "model override '" + entry + "' needs SWITCHBOARD_ANTHROPIC_API_KEY, which is not set");
        }
        if (provider.equals(OpenAiCompatibleProvider.NAME) && !openAiBaseUrl && !openAiKey) {
            throw new IllegalArgumentException("model override '" + entry
                    + "' needs SWITCHBOARD_OPENAI_BASE_URL or SWITCHBOARD_OPENAI_API_KEY, neither is set");
        }
        return new ModelRoute(modelId, provider, providerModel);
    }
}
