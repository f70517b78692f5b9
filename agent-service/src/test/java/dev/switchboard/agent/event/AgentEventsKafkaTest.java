package dev.switchboard.agent.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads agent.created / agent.updated back from the real agent-events topic. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class AgentEventsKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private final ObjectMapper json = new ObjectMapper();
    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void createAndUpdateArePublishedKeyedByTheAgentUuid() throws Exception {
        String org = "org-" + UUID.randomUUID();
        JsonPath agent = given().auth()
                .oauth2(TestTokens.internal(org, "user-1"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Eventful", "instructions", "Say hi.", "model", "gpt-5-mini", "handle", "eventful"))
                .post("/internal/agents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String uuid = agent.getString("uuid");

        try (ConsumerTask<String, String> records = eventsOf(uuid)) {
            ConsumerRecord<String, String> createdRecord =
                    records.awaitRecords(1, WAIT).getRecords().get(0);
            JsonNode created = json.readTree(createdRecord.value());
            assertEquals(uuid, createdRecord.key());
            assertEquals(
                    "application/cloudevents+json; charset=UTF-8",
                    new String(
                            createdRecord.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
            assertEnvelope(created, "switchboard.agent.created", "urn:switchboard:schema:agent.created.v1", uuid);
            JsonNode data = created.get("data");
            assertEquals(org, data.get("orgId").asText());
            assertEquals(uuid, data.get("agentId").asText());
            assertEquals(agent.getLong("id"), data.get("numericId").asLong());
            assertEquals("eventful", data.get("handle").asText());
            assertEquals("Eventful", data.get("name").asText());
            assertEquals("Say hi.", data.get("instructions").asText());
            assertEquals("gpt-5-mini", data.get("model").asText());
            assertEquals(agent.getString("createdAt"), data.get("createdAt").asText());
            assertEquals(agent.getString("updatedAt"), data.get("updatedAt").asText());

            JsonPath updatedAgent = given().auth()
                    .oauth2(TestTokens.internal(org, "user-1"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Renamed", "model", "claude-sonnet-4"))
                    .patch("/internal/agents/" + uuid)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();

            List<ConsumerRecord<String, String>> all =
                    records.awaitRecords(2, WAIT).getRecords();
            ConsumerRecord<String, String> updatedRecord = all.get(1);
            JsonNode updated = json.readTree(updatedRecord.value());
            assertEquals(uuid, updatedRecord.key());
            assertEnvelope(updated, "switchboard.agent.updated", "urn:switchboard:schema:agent.updated.v1", uuid);
            assertNotEquals(created.get("id").asText(), updated.get("id").asText());
            assertEquals("Renamed", updated.get("data").get("name").asText());
            assertEquals("claude-sonnet-4", updated.get("data").get("model").asText());
            assertEquals("Say hi.", updated.get("data").get("instructions").asText());
            assertEquals(
                    updatedAgent.getString("updatedAt"),
                    updated.get("data").get("updatedAt").asText());
            assertEquals(createdRecord.partition(), updatedRecord.partition(), "one agent's events stay in order");
        }
    }

    @Test
    void toolsArePublishedByTypeAndNameNeverWithTheirSecrets() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String secret = "Bearer kafka-must-not-see-" + UUID.randomUUID();
        List<Map<String, Object>> tools = List.of(
                Map.of("type", "builtin", "name", "calculator"),
                Map.of(
                        "type",
                        "mcp",
                        "url",
                        "https://mcp.example.com/mcp?key=in-the-query",
                        "headers",
                        Map.of("Authorization", secret)),
                Map.of("type", "mcp", "server", "everything"));
        String uuid = given().auth()
                .oauth2(TestTokens.internal(org, "user-1"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Tooled", "model", "gpt-5-mini", "tools", tools))
                .post("/internal/agents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("uuid");
        patch(org, uuid, Map.of("tools", List.of(tools.get(1)), "name", "Still tooled"));

        try (ConsumerTask<String, String> records = eventsOf(uuid)) {
            List<ConsumerRecord<String, String>> all =
                    records.awaitRecords(2, WAIT).getRecords();
            JsonNode created = json.readTree(all.get(0).value());
            assertEquals(json.readTree("""
                    [{"type": "builtin", "name": "calculator"}, {"type": "mcp", "name": "mcp.example.com"},
                     {"type": "mcp", "name": "everything"}]"""), created.get("data").get("tools"));
            JsonNode updated = json.readTree(all.get(1).value());
            assertEquals(
                    json.readTree("[{\"type\": \"mcp\", \"name\": \"mcp.example.com\"}]"),
                    updated.get("data").get("tools"));
            for (ConsumerRecord<String, String> record : all) {
                for (String hidden : List.of("kafka-must-not-see", "in-the-query", "enc:v1:", "Authorization")) {
                    assertFalse(record.value().contains(hidden), hidden + " reached Kafka: " + record.value());
                }
            }
        }
    }

    @Test
    void aPatchThatChangesNothingPublishesNothing() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String uuid = given().auth()
                .oauth2(TestTokens.internal(org, "user-1"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Quiet", "model", "m"))
                .post("/internal/agents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("uuid");
        patch(org, uuid, Map.of("name", "Quiet"));
        patch(org, uuid, Map.of("name", "Loud"));

        try (ConsumerTask<String, String> records = eventsOf(uuid)) {
            List<ConsumerRecord<String, String>> all =
                    records.awaitRecords(2, WAIT).getRecords();
            // events of one key are in order: the no-op patch would sit between these two
            assertEquals(
                    "switchboard.agent.created",
                    json.readTree(all.get(0).value()).get("type").asText());
            JsonNode second = json.readTree(all.get(1).value());
            assertEquals("switchboard.agent.updated", second.get("type").asText());
            assertEquals("Loud", second.get("data").get("name").asText());
        }
    }

    private static void patch(String org, String uuid, Map<String, Object> body) {
        given().auth()
                .oauth2(TestTokens.internal(org, "user-1"))
                .contentType(ContentType.JSON)
                .body(body)
                .patch("/internal/agents/" + uuid)
                .then()
                .statusCode(200);
    }

    private ConsumerTask<String, String> eventsOf(String uuid) {
        return kafka.consumeStrings()
                .withOffsetReset("earliest")
                .withGroupId("agent-events-test-" + UUID.randomUUID())
                .fromTopics(AgentEvents.TOPIC, records -> records.select().where(r -> uuid.equals(r.key())));
    }

    private static void assertEnvelope(JsonNode event, String type, String schema, String uuid) {
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(36, event.get("id").asText().length());
        assertEquals("/agent-service", event.get("source").asText());
        assertEquals(type, event.get("type").asText());
        assertEquals(uuid, event.get("subject").asText());
        assertTrue(
                event.get("time").asText().matches(TIMESTAMP), event.get("time").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals(schema, event.get("dataschema").asText());
    }
}
