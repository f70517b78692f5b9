package dev.switchboard.agent.tool;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentTool;
import dev.switchboard.agent.rest.AgentApi;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A key rotation: with the earlier key in {@code switchboard.agents.secrets.previous-keys}, values it sealed are
 * read, and re-sealed with the current key by {@link StoredToolsUpgrade}.
 */
@QuarkusTest
@TestProfile(StoredToolsRotationTest.WithAnEarlierKey.class)
@WithTestResource(SwitchboardTestResource.class)
class StoredToolsRotationTest {

    /** Fixed, not random: the profile is read in another class loader than the test's, which must agree on it. */
    static final byte[] EARLIER_KEY = earlierKey();

    public static class WithAnEarlierKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "switchboard.agents.secrets.previous-keys",
                    Base64.getEncoder().encodeToString(EARLIER_KEY));
        }
    }

    @Inject
    StoredToolsUpgrade upgrade;

    private static byte[] earlierKey() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return key;
    }

    @Inject
    ToolSecrets secrets;

    @Test
    void valuesOfTheEarlierKeyAreReadThenResealedWithTheCurrentOne() throws Throwable {
        ToolSecrets earlier = new ToolSecrets(new SecretCipher(SecretKeys.of(EARLIER_KEY)));
        String org = "org-" + UUID.randomUUID();
        Agent agent = Agent.create(org, null, "Rotated", null, "gpt-5-mini", Instant.now());
        List<AgentTool> sealed = earlier.seal(
                agent.uuid,
                List.of(AgentTool.mcpUrl("https://mcp.example.com/mcp", Map.of("Authorization", "Bearer rotate-me"))));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AgentRows.insert(org, agent.uuid, new ObjectMapper().writeValueAsString(sealed), earlier.keyId(), at);

        assertClearOnTheApi(org, agent.uuid);

        assertTrue(VertxContextSupport.subscribeAndAwait(() -> upgrade.upgradeBatch(100)) >= 1);
        AgentRows.Row row = AgentRows.read(agent.uuid);
        assertEquals(secrets.keyId(), row.secretsKeyId());
        assertTrue(row.toolsJson().contains("enc:v1:" + secrets.keyId() + ":"), row.toolsJson());
        assertFalse(row.toolsJson().contains(earlier.keyId()), row.toolsJson());
        assertEquals(at, row.updatedAt());
        assertClearOnTheApi(org, agent.uuid);
    }

    private static void assertClearOnTheApi(String org, UUID agent) {
        AgentApi.get(org, agent).statusCode(200).body("tools[0].headers.Authorization", equalTo("Bearer rotate-me"));
    }
}
