package dev.switchboard.run.provider;

import java.util.List;

/**
 * The canonical model ids of seed 000: the models run-service routes and lists in {@code GET /internal/models}.
 * The one table: the gateway checks a {@code model} against the list this service answers.
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
}
