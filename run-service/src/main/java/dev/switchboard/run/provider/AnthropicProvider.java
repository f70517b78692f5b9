package dev.switchboard.run.provider;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;

/** Anthropic's Messages API, streamed, with tool use. */
public final class AnthropicProvider {

    public static final String NAME = "anthropic";
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";

    private AnthropicProvider() {}

    public static ModelProvider create(String baseUrl, String apiKey, ProviderSettings settings) {
        AnthropicStreamingChatModel model = AnthropicStreamingChatModel.builder()
                .httpClientBuilder(HttpClients.builder(settings))
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .maxTokens(settings.maxOutputTokens())
                .timeout(settings.readTimeout())
                .build();
        return new LangChainModelProvider(NAME, model, settings);
    }
}
