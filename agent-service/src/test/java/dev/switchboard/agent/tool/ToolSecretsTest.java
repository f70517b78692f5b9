package dev.switchboard.agent.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentTool;
import dev.switchboard.agent.config.AgentsConfig;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sealing MCP header values: AES-256-GCM, a fresh nonce each time, bound to where the value belongs, rotatable. */
class ToolSecretsTest {

    static final String URL = "https://mcp.example.com/mcp";
    final byte[] key = randomKey();
    final ToolSecrets secrets = new ToolSecrets(new SecretCipher(SecretKeys.of(key)));

    @Test
    void sealedValuesNameTheirKeyAndOpenToTheClearValue() {
        Agent agent = agentWith(secrets, Map.of("Authorization", "Bearer s3cret", "X-Trace", "on"));
        AgentTool stored = agent.tools.get(1);
        stored.headers().values().forEach(value -> {
            assertTrue(value.startsWith("enc:v1:" + secrets.keyId() + ":"), value);
            assertFalse(value.contains("s3cret"), value);
        });
        assertEquals(agent.tools.get(0), AgentTool.builtin("calculator"), "tools without headers are as they are");
        assertEquals(
                List.of(
                        AgentTool.builtin("calculator"),
                        AgentTool.mcpUrl(URL, Map.of("Authorization", "Bearer s3cret", "X-Trace", "on"))),
                secrets.open(agent));
        assertEquals(8, secrets.keyId().length());
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        Set<String> sealed = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            sealed.add(agentWith(secrets, Map.of("Authorization", "same"))
                    .tools
                    .get(1)
                    .headers()
                    .get("Authorization"));
        }
        assertEquals(20, sealed.size());
    }

    @Test
    void aValueMovedToAnotherAgentServerOrHeaderOrAlteredDoesNotOpen() {
        Agent agent = agentWith(secrets, Map.of("Authorization", "Bearer s3cret"));
        String value = agent.tools.get(1).headers().get("Authorization");

        Agent other = agentWith(secrets, Map.of("Authorization", "x"));
        other.resealTools(List.of(AgentTool.mcpUrl(URL, Map.of("Authorization", value))), secrets.keyId());
        assertThrows(IllegalStateException.class, () -> secrets.open(other));

        agent.resealTools(
                List.of(AgentTool.mcpUrl("https://evil.example/mcp", Map.of("Authorization", value))), secrets.keyId());
        assertThrows(IllegalStateException.class, () -> secrets.open(agent));

        agent.resealTools(List.of(AgentTool.mcpUrl(URL, Map.of("X-Other", value))), secrets.keyId());
        assertThrows(IllegalStateException.class, () -> secrets.open(agent));

        // a character well inside the sealed bytes: the last one of base64 may carry only padding bits
        int at = value.length() - 10;
        String altered = value.substring(0, at) + (value.charAt(at) == 'A' ? 'B' : 'A') + value.substring(at + 1);
        agent.resealTools(List.of(AgentTool.mcpUrl(URL, Map.of("Authorization", altered))), secrets.keyId());
        assertThrows(IllegalStateException.class, () -> secrets.open(agent));
    }

    @Test
    void afterARotationTheEarlierKeyStillOpensAndTheNewOneSeals() {
        Agent agent = agentWith(secrets, Map.of("Authorization", "Bearer s3cret"));
        ToolSecrets rotated = new ToolSecrets(new SecretCipher(SecretKeys.of(randomKey(), key)));
        assertNotEquals(secrets.keyId(), rotated.keyId());
        assertEquals(Set.of(secrets.keyId(), rotated.keyId()), rotated.keyIds());
        assertEquals("Bearer s3cret", rotated.open(agent).get(1).headers().get("Authorization"));

        ToolSecrets withoutTheOldKey = new ToolSecrets(new SecretCipher(SecretKeys.of(randomKey())));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> withoutTheOldKey.open(agent));
        assertTrue(e.getMessage().contains("sealed with key " + secrets.keyId()), e.getMessage());
        assertTrue(e.getMessage().contains("SWITCHBOARD_SECRETS_PREVIOUS_KEYS"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void rowsStoredBeforeSealingAreReadAsTheyAre() {
        Agent legacy = Agent.create("org", null, "n", null, "m", Instant.now());
        legacy.tools = List.of(AgentTool.mcpUrl(URL, Map.of("Authorization", "Bearer clear")));
        assertEquals(legacy.tools, secrets.open(legacy));
    }

    @Test
    void withoutAKeyTheServiceDoesNotStartUnlessAllowedToMakeOneUp() {
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> SecretKeys.from(config(null, null, false)));
        assertTrue(
                missing.getMessage().startsWith("SWITCHBOARD_SECRETS_KEY (switchboard.agents.secrets.key) is not set"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("openssl rand -base64 32"), missing.getMessage());
        assertEquals(1, SecretKeys.from(config(null, null, true)).ids().size());

        IllegalStateException shortKey = assertThrows(
                IllegalStateException.class,
                () -> SecretKeys.from(config(Base64.getEncoder().encodeToString(new byte[16]), null, false)));
        assertTrue(shortKey.getMessage().contains("must be 32 bytes"), shortKey.getMessage());
        assertThrows(IllegalStateException.class, () -> SecretKeys.from(config("not base64!", null, false)));

        String current = Base64.getEncoder().encodeToString(randomKey());
        SecretKeys keys =
                SecretKeys.from(config(current, List.of(Base64.getEncoder().encodeToString(key)), false));
        assertEquals(SecretKeys.id(Base64.getDecoder().decode(current)), keys.currentId());
        assertEquals(Set.of(keys.currentId(), secrets.keyId()), keys.ids());
    }

    private static Agent agentWith(ToolSecrets secrets, Map<String, String> headers) {
        Agent agent = Agent.create("org", null, "n", null, "m", Instant.now());
        agent.replaceTools(
                secrets.seal(agent.uuid, List.of(AgentTool.builtin("calculator"), AgentTool.mcpUrl(URL, headers))),
                secrets.keyId(),
                Instant.now());
        return agent;
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static AgentsConfig.Secrets config(String key, List<String> previous, boolean generate) {
        return new AgentsConfig.Secrets() {
            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<List<String>> previousKeys() {
                return Optional.ofNullable(previous);
            }

            @Override
            public boolean generateMissingKey() {
                return generate;
            }
        };
    }
}
