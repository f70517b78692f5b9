package dev.switchboard.agent.tool;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestInfrastructure;
import dev.switchboard.local.testing.TopicRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * MCP header values in the agents database: sealed with the configured key, clear on the internal API, and
 * rows stored before that (V3) sealed by {@link StoredToolsUpgrade}, which also removes agents' own commands.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class StoredToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TEST_KEY_ID = SecretKeys.id(Base64.getDecoder().decode(TestInfrastructure.secretsKey()));

    @Inject
    StoredToolsUpgrade upgrade;

    final String org = "org-" + UUID.randomUUID();

    @Test
    void headerValuesAreSealedWithTheConfiguredKeyAndClearOnTheInternalApi() throws Exception {
        String secret = "Bearer at-rest-" + UUID.randomUUID();
        String uuid = api().body(Map.of(
                        "name",
                        "Sealed",
                        "model",
                        "gpt-5-mini",
                        "tools",
                        List.of(Map.of(
                                "type",
                                "mcp",
                                "url",
                                "https://mcp.example.com/mcp",
                                "headers",
                                Map.of("Authorization", secret)))))
                .post("/internal/agents")
                .then()
                .statusCode(201)
                .body("tools[0].headers.Authorization", equalTo(secret))
                .extract()
                .path("uuid");

        AgentRows.Row row = AgentRows.read(UUID.fromString(uuid));
        assertEquals(TEST_KEY_ID, row.secretsKeyId(), "sealed with the key of the test resource");
        assertFalse(row.toolsJson().contains(secret), row.toolsJson());
        assertTrue(row.toolsJson().contains("enc:v1:" + TEST_KEY_ID + ":"), row.toolsJson());
        api().get("/internal/agents/" + uuid)
                .then()
                .statusCode(200)
                .body("tools[0].headers.Authorization", equalTo(secret));
    }

    @Test
    void rowsStoredBeforeSealingAreSealedOnceAndAgentCommandsAreRemoved() throws Throwable {
        Instant before = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        UUID withCommand = UUID.randomUUID();
        UUID headersOnly = UUID.randomUUID();
        AgentRows.insert(org, withCommand, """
                [{"type": "builtin", "name": "calculator"},
                 {"type": "mcp", "url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer legacy-1"}},
                 {"type": "mcp", "command": "npx", "args": ["-y", "some-server", "--token=arg-secret"],
                  "env": {"API_KEY": "env-secret"}}]""", null, before);
        AgentRows.insert(org, headersOnly, """
                [{"type": "mcp", "url": "https://other.example.com/mcp", "headers": {"X-Key": "legacy-2"}}]""", null, before);

        int upgraded = VertxContextSupport.subscribeAndAwait(() -> upgrade.upgradeBatch(100));
        assertTrue(upgraded >= 2, "upgraded " + upgraded);
        assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> upgrade.upgradeBatch(100)), "idempotent");

        AgentRows.Row first = AgentRows.read(withCommand);
        assertEquals(TEST_KEY_ID, first.secretsKeyId());
        for (String gone : List.of("legacy-1", "command", "npx", "arg-secret", "env-secret")) {
            assertFalse(first.toolsJson().contains(gone), gone + " left in " + first.toolsJson());
        }
        assertTrue(first.updatedAt().isAfter(before), "removing a tool is a change");
        api().get("/internal/agents/" + withCommand)
                .then()
                .statusCode(200)
                .body(
                        "tools",
                        equalTo(List.of(
                                Map.of("type", "builtin", "name", "calculator"),
                                Map.of(
                                        "type",
                                        "mcp",
                                        "url",
                                        "https://mcp.example.com/mcp",
                                        "headers",
                                        Map.of("Authorization", "Bearer legacy-1")))));

        AgentRows.Row second = AgentRows.read(headersOnly);
        assertFalse(second.toolsJson().contains("legacy-2"), second.toolsJson());
        assertEquals(before, second.updatedAt(), "sealing changes nothing a reader sees");
        api().get("/internal/agents/" + headersOnly)
                .then()
                .statusCode(200)
                .body("tools[0].headers.X-Key", equalTo("legacy-2"));

        JsonNode event = updatedEvent(withCommand.toString());
        assertEquals(
                JSON.readTree("[{\"type\": \"builtin\", \"name\": \"calculator\"}, "
                        + "{\"type\": \"mcp\", \"name\": \"mcp.example.com\"}]"),
                event.get("data").get("tools"));
    }

    @Test
    void rowsSealedWithAKeyThisServiceDoesNotHaveAreLeftAndCounted() throws Throwable {
        UUID foreign = UUID.randomUUID();
        long before = VertxContextSupport.subscribeAndAwait(upgrade::unreadable);
        AgentRows.insert(org, foreign, """
                [{"type": "mcp", "url": "https://mcp.example.com/mcp",
                  "headers": {"Authorization": "enc:v1:unknown0:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}]""", "unknown0", Instant.now());
        VertxContextSupport.subscribeAndAwait(() -> upgrade.upgradeBatch(100));
        assertEquals("unknown0", AgentRows.read(foreign).secretsKeyId());
        assertEquals(before + 1, VertxContextSupport.subscribeAndAwait(upgrade::unreadable));
        api().get("/internal/agents/" + foreign).then().statusCode(500).body("error.code", equalTo("internal"));
    }

    private RequestSpecification api() {
        return Api.as(org);
    }

    private static JsonNode updatedEvent(String uuid) {
        JsonNode event = TopicRecords.firstJson("agent-events", uuid, 1).get(0);
        assertEquals("switchboard.agent.updated", event.get("type").asText());
        assertNull(event.get("data").get("handle").textValue());
        return event;
    }
}
