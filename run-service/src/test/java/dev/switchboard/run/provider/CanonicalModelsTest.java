package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * run-service's canonical list equals seed 000's (and so the gateway's public list). A copy is kept here so the
 * test needs no file outside the repository; change the three together.
 */
class CanonicalModelsTest {

    static final List<String> SEED_000 = List.of(
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

    @Test
    void equalsTheSeedList() {
        assertEquals(SEED_000, CanonicalModels.IDS);
    }
}
