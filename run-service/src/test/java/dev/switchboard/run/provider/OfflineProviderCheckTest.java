package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineProviderCheckTest {

    @Test
    void modelsLeftToTheOfflineProviderAreADevelopmentDefaultUnlessAllowed() {
        List<ModelRoute> none = new ModelCatalog(false, false, false, List.of()).canonicalRoutes();
        List<String> problems = OfflineProviderCheck.offline(none, false);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("would be answered by the offline provider"), problems.get(0));
        assertTrue(problems.get(0).contains("gpt-5-mini"), problems.get(0));
        assertTrue(problems.get(0).contains("switchboard.allow-offline-provider=true"), problems.get(0));
        assertEquals(List.of(), OfflineProviderCheck.offline(none, true));
    }

    @Test
    void onlyTheModelsWithoutAProviderAreNamed() {
        List<ModelRoute> anthropicOnly = new ModelCatalog(false, false, true, List.of()).canonicalRoutes();
        String problem = OfflineProviderCheck.offline(anthropicOnly, false).get(0);
        assertTrue(problem.contains("gpt-5-mini"), problem);
        assertFalse(problem.contains("claude-"), problem);
        List<ModelRoute> everyModel = new ModelCatalog(true, false, false, List.of()).canonicalRoutes();
        assertEquals(List.of(), OfflineProviderCheck.offline(everyModel, false));
    }
}
