package dev.switchboard.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.platform.web.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of {@code model} and {@code summarizer_model} against the ids run-service's catalog lists. */
class ModelIdsTest {

    static final List<String> IDS = List.of("claude-sonnet-4.6", "gpt-5-mini", "grok-4.3");

    @Test
    void canonicalIdsPassAsTheyAre() {
        for (String id : IDS) {
            assertEquals(id, ModelIds.require(IDS, id));
            assertEquals(id, ModelIds.requireSummarizer(IDS, id));
        }
    }

    @Test
    void anythingElseIs400OnModelListingEveryId() {
        for (String bad : new String[] {"gpt-4", "GPT-5-MINI", " gpt-5-mini", "", null}) {
            ApiException e = assertThrows(ApiException.class, () -> ModelIds.require(IDS, bad));
            assertEquals(400, e.status());
            assertEquals("invalid_argument", e.code());
            assertEquals("model", e.field());
            IDS.forEach(id -> assertTrue(e.getMessage().contains(id), id));
        }
        assertEquals(
                "model is required and must be one of: claude-sonnet-4.6, gpt-5-mini, grok-4.3",
                assertThrows(ApiException.class, () -> ModelIds.require(IDS, null))
                        .getMessage());
        assertEquals(
                "model must be one of: claude-sonnet-4.6, gpt-5-mini, grok-4.3",
                assertThrows(ApiException.class, () -> ModelIds.require(IDS, "claude-sonnet-4"))
                        .getMessage());
        ApiException summarizer = assertThrows(ApiException.class, () -> ModelIds.requireSummarizer(IDS, "nope"));
        assertEquals("summarizer_model", summarizer.field());
        assertEquals(
                "summarizer_model must be one of: claude-sonnet-4.6, gpt-5-mini, grok-4.3", summarizer.getMessage());
    }
}
