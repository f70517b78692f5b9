package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.platform.web.error.ApiException;
import org.junit.jupiter.api.Test;

class CanonicalModelsTest {

    @Test
    void theListIsSeed000sNineteenIdsInItsOrder() {
        assertEquals(19, CanonicalModels.IDS.size());
        assertEquals("claude-sonnet-4.6", CanonicalModels.IDS.get(0));
        assertEquals("grok-4.3", CanonicalModels.IDS.get(18));
        assertEquals(19, CanonicalModels.IDS.stream().distinct().count());
    }

    @Test
    void canonicalIdsPassAsTheyAre() {
        for (String id : CanonicalModels.IDS) {
            assertEquals(id, CanonicalModels.require(id));
        }
        assertNull(CanonicalModels.requireIfPresent(null));
    }

    @Test
    void anythingElseIs400OnModelListingEveryId() {
        for (String bad : new String[] {"gpt-4", "GPT-5-MINI", " gpt-5-mini", "", null}) {
            ApiException e = assertThrows(ApiException.class, () -> CanonicalModels.require(bad));
            assertEquals(400, e.status());
            assertEquals("invalid_argument", e.code());
            assertEquals("model", e.field());
            CanonicalModels.IDS.forEach(id -> assertTrue(e.getMessage().contains(id), id));
        }
        assertFalse(CanonicalModels.isCanonical("claude-sonnet-4"));
        assertThrows(ApiException.class, () -> CanonicalModels.requireIfPresent("nope"));
    }
}
