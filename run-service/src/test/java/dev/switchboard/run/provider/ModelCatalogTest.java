package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which provider serves each model, by configuration. */
class ModelCatalogTest {

    @Test
    void nothingConfiguredIsOfflineForEveryModel() {
        ModelCatalog catalog = new ModelCatalog(false, false, false, List.of());
        for (ModelRoute route : catalog.canonicalRoutes()) {
            assertEquals(new ModelRoute(route.modelId(), "offline", route.modelId()), route);
        }
        assertEquals(CanonicalModels.IDS.size(), catalog.canonicalRoutes().size());
    }

    @Test
    void onlyABaseUrlSendsEveryModelThereUnderItsOwnName() {
        ModelCatalog catalog = new ModelCatalog(true, false, false, List.of());
        for (ModelRoute route : catalog.canonicalRoutes()) {
            assertEquals(new ModelRoute(route.modelId(), "openai", route.modelId()), route);
        }
    }

    @Test
    void anAnthropicKeyTakesTheClaudeModels() {
        ModelCatalog catalog = new ModelCatalog(true, false, true, List.of());
        assertEquals(
                new ModelRoute("claude-sonnet-4.6", "anthropic", "claude-sonnet-4-6"),
                catalog.route("claude-sonnet-4.6"));
        assertEquals(
                new ModelRoute("claude-opus-4.8", "anthropic", "claude-opus-4-8"), catalog.route("claude-opus-4.8"));
        assertEquals("openai", catalog.route("qwen3-coder").provider());

        ModelCatalog anthropicOnly = new ModelCatalog(false, false, true, List.of());
        assertEquals("anthropic", anthropicOnly.route("claude-opus-4.8").provider());
        assertEquals("offline", anthropicOnly.route("gpt-5-mini").provider());
    }

    @Test
    void anOpenAiKeyWithoutBaseUrlTakesOnlyTheGptModels() {
        ModelCatalog catalog = new ModelCatalog(false, true, false, List.of());
        assertEquals(new ModelRoute("gpt-5-mini", "openai", "gpt-5-mini"), catalog.route("gpt-5-mini"));
        assertEquals("openai", catalog.route("gpt-5.2").provider());
        assertEquals("offline", catalog.route("llama-4-scout").provider());
        assertEquals("offline", catalog.route("claude-sonnet-4.6").provider());
    }

    @Test
    void overridesWin() {
        ModelCatalog catalog = new ModelCatalog(
                true,
                false,
                true,
                List.of(
                        "gpt-5-mini=openai:gpt-4o-mini", " claude-sonnet-4.6 = anthropic:claude-sonnet-4-5 ",
                        "grok-4.3=offline:grok", ""));
        assertEquals(new ModelRoute("gpt-5-mini", "openai", "gpt-4o-mini"), catalog.route("gpt-5-mini"));
        assertEquals(
                new ModelRoute("claude-sonnet-4.6", "anthropic", "claude-sonnet-4-5"),
                catalog.route("claude-sonnet-4.6"));
        assertEquals(new ModelRoute("grok-4.3", "offline", "grok"), catalog.route("grok-4.3"));
        assertEquals(new ModelRoute("gpt-5.2", "openai", "gpt-5.2"), catalog.route("gpt-5.2"));
    }

    @Test
    void aBadOverrideIsRefusedAtStartRatherThanIgnored() {
        IllegalArgumentException shape = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelCatalog(true, false, false, List.of("gpt-5-mini:openai")));
        assertTrue(shape.getMessage().contains("model-id=provider:provider-model"), shape.getMessage());
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelCatalog(true, false, false, List.of("gpt-5-mini=azure:gpt")));
        assertTrue(unknown.getMessage().contains("azure"), unknown.getMessage());
        IllegalArgumentException unconfigured = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelCatalog(true, false, false, List.of("claude-opus-4.8=anthropic:claude-opus-4-1")));
        assertTrue(unconfigured.getMessage().contains("SWITCHBOARD_ANTHROPIC_API_KEY"), unconfigured.getMessage());
    }
}
