package dev.switchboard.run.provider;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, OpenRouter, vLLM, Ollama, LiteLLM), streamed with
 * tool-call deltas and usage. The API key is optional (a local vLLM or Ollama needs none).
 */
public final class OpenAiCompatibleProvider {

    public static final String NAME = "openai";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private OpenAiCompatibleProvider() {}

    public static ModelProvider create(String baseUrl, String apiKey, ProviderSettings settings) {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(HttpClients.builder(settings))
                .baseUrl(baseUrl)
                .apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey)
                .timeout(settings.readTimeout())
                .build();
        return new LangChainModelProvider(NAME, model, settings);
    }
}
