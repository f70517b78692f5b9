package dev.switchboard.run.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Model providers, under {@code switchboard.providers}; {@code application.properties} reads the
 * {@code SWITCHBOARD_OPENAI_*}, {@code SWITCHBOARD_ANTHROPIC_*} and {@code SWITCHBOARD_MODEL_OVERRIDES}
 * environment variables into them. Which canonical model goes where: {@code ModelCatalog}.
 */
@ConfigMapping(prefix = "switchboard.providers")
public interface ProvidersConfig {

    OpenAi openai();

    Anthropic anthropic();

    /** {@code model-id=provider:provider-model} entries, e.g. {@code gpt-5-mini=openai:gpt-4o-mini}. */
    Optional<List<String>> modelOverrides();

    /** Connecting to a provider. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** The longest silence while a provider streams its answer. */
    @WithDefault("120s")
    Duration readTimeout();

    /** Retries of a call that failed before it streamed anything (timeout, 429, 5xx). */
    @WithDefault("3")
    int maxRetries();

    /** The first pause before such a retry; it doubles each time. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /** The longest pause between retries. */
    @WithDefault("8s")
    Duration maxRetryBackoff();

    /** The answer's token limit, where the provider needs one (Anthropic). */
    @WithDefault("4096")
    int maxOutputTokens();

    /** An OpenAI-compatible chat-completions endpoint. */
    interface OpenAi {

        /** Set: every model without another provider goes there. */
        Optional<String> baseUrl();

        /** Set without a base URL: the {@code gpt-*} models go to api.openai.com. */
        Optional<String> apiKey();
    }

    /** Anthropic's Messages API. */
    interface Anthropic {

        /** Set: the {@code claude-*} models go to Anthropic. */
        Optional<String> apiKey();

        @WithDefault("https://api.anthropic.com/v1")
        String baseUrl();
    }
}
