package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * run-service's canonical list equals seed 000's (and so the gateway's public list). The seed's list is kept as
 * test data, {@code seed-000-models.txt} (one id a line, in the seed's order), so the test needs no file outside
 * the repository; change the two together.
 */
class CanonicalModelsTest {

    @Test
    void equalsTheSeedList() throws IOException {
        try (InputStream seed = CanonicalModelsTest.class.getResourceAsStream("/seed-000-models.txt")) {
            assertNotNull(seed, "seed-000-models.txt is on the test class path");
            List<String> ids = new String(seed.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertEquals(ids, CanonicalModels.IDS);
        }
    }
}
