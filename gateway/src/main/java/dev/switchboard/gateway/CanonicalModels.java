package dev.switchboard.gateway;

import dev.switchboard.platform.web.error.ApiException;
import java.util.List;

/**
 * The canonical model ids of seed 000, the only values the public API accepts for {@code model}
 * (agent create/update and chat). The one place this list is kept.
 */
public final class CanonicalModels {

    public static final List<String> IDS = List.of(
            "claude-sonnet-4.6",
            "claude-opus-4.8",
            "gpt-5.2",
            "gpt-5.5",
            "gpt-5-mini",
            "gpt-oss-120b",
            "gpt-oss-20b",
            "qwen3-235b-a22b-2507",
            "qwen3-coder",
            "qwen3-32b",
            "deepseek-chat-v3.1",
            "minimax-m2.7",
            "llama-4-maverick",
            "llama-4-scout",
            "llama-3.3-70b-instruct",
            "gemini-3.1-pro-preview",
            "gemini-3-flash-preview",
            "grok-4.3-fast",
            "grok-4.3");

    private CanonicalModels() {}

    public static boolean isCanonical(String model) {
        return model != null && IDS.contains(model);
    }

    /** The model if it is canonical; otherwise 400 {@code invalid_argument} on {@code model} listing every id. */
    public static String require(String model) {
        if (model == null || model.isBlank()) {
            throw ApiException.invalid("model is required and must be one of: " + String.join(", ", IDS), "model");
        }
        if (!isCanonical(model)) {
            throw ApiException.invalid("model must be one of: " + String.join(", ", IDS), "model");
        }
        return model;
    }

    /** Like {@link #require} for an optional field: null (absent) is allowed. */
    public static String requireIfPresent(String model) {
        return model == null ? null : require(model);
    }
}
