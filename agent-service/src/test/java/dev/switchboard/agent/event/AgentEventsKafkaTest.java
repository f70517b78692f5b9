package dev.switchboard.agent.event;

import static dev.switchboard.agent.rest.AgentApi.create;
import static dev.switchboard.agent.rest.AgentApi.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TopicRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Reads agent.created / agent.updated back from the real agent-events topic. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class AgentEventsKafkaTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void createAndUpdateArePublishedKeyedByTheAgentUuid() throws Exception {
        String org = Api.newOrg();
        JsonPath agent = created(
                org,
                Map.of("name", "Eventful", "instructions", "Say hi.", "model", "gpt-5-mini", "handle", "eventful"));
        String uuid = agent.getString("uuid");

        ConsumerRecord<String, String> createdRecord = eventsOf(uuid, 1).get(0);
        JsonNode created = json.readTree(createdRecord.value());
        assertEquals(uuid, createdRecord.key());
        assertEquals(
                "application/cloudevents+json; charset=UTF-8",
                new String(createdRecord.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
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

        JsonPath updatedAgent = patched(org, uuid, Map.of("name", "Renamed", "model", "claude-sonnet-4"));

        ConsumerRecord<String, String> updatedRecord = eventsOf(uuid, 2).get(1);
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

    @Test
    void toolsArePublishedByTypeAndNameNeverWithTheirSecrets() throws Exception {
        String org = Api.newOrg();
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
        String uuid = created(org, Map.of("name", "Tooled", "model", "gpt-5-mini", "tools", tools))
                .getString("uuid");
        patched(org, uuid, Map.of("tools", List.of(tools.get(1)), "name", "Still tooled"));

        List<ConsumerRecord<String, String>> all = eventsOf(uuid, 2);
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

    @Test
    void aPatchThatChangesNothingPublishesNothing() throws Exception {
        String org = Api.newOrg();
        String uuid = created(org, Map.of("name", "Quiet", "model", "m")).getString("uuid");
        patched(org, uuid, Map.of("name", "Quiet"));
        patched(org, uuid, Map.of("name", "Loud"));

        List<ConsumerRecord<String, String>> all = eventsOf(uuid, 2);
        // events of one key are in order: the no-op patch would sit between these two
        assertEquals(
                "switchboard.agent.created",
                json.readTree(all.get(0).value()).get("type").asText());
        JsonNode second = json.readTree(all.get(1).value());
        assertEquals("switchboard.agent.updated", second.get("type").asText());
        assertEquals("Loud", second.get("data").get("name").asText());
    }

    private static JsonPath created(String org, Map<String, Object> body) {
        return create(org, body).statusCode(201).extract().jsonPath();
    }

    private static JsonPath patched(String org, String uuid, Map<String, Object> body) {
        return patch(org, uuid, body).statusCode(200).extract().jsonPath();
    }

    /** The first {@code count} events of the agent on the real topic, oldest first. */
    private static List<ConsumerRecord<String, String>> eventsOf(String uuid, int count) {
        return TopicRecords.first(AgentEvents.TOPIC, uuid, count);
    }

    private static void assertEnvelope(JsonNode event, String type, String schema, String uuid) {
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(36, event.get("id").asText().length());
        assertEquals("/agent-service", event.get("source").asText());
        assertEquals(type, event.get("type").asText());
        assertEquals(uuid, event.get("subject").asText());
        assertTrue(
                event.get("time").asText().matches(Api.TIME), event.get("time").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals(schema, event.get("dataschema").asText());
    }
}
