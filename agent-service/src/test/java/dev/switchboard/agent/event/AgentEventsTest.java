package dev.switchboard.agent.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentTool;
import dev.switchboard.platform.web.json.JsonConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentEventsTest {

    private final ObjectMapper json = mapper();

    @Test
    void createdIsAStructuredCloudEvent() throws Exception {
        Agent agent = agent();
        UUID eventId = UUID.randomUUID();

        String event = json.writeValueAsString(
                AgentEvents.created(agent, eventId, Instant.parse("2026-05-01T10:00:00.123456Z")));

        // the whole event, its fields in this order; a missing handle is an explicit null, no tools an empty array
        JsonNode expected = json.readTree("""
                {"specversion": "1.0", "id": "%s", "source": "/agent-service", "type": "switchboard.agent.created",
                 "subject": "%s", "time": "2026-05-01T10:00:00.123Z", "datacontenttype": "application/json",
                 "dataschema": "urn:switchboard:schema:agent.created.v1",
                 "data": {"orgId": "org-1", "agentId": "%2$s", "numericId": 42, "handle": null, "name": "Helper",
                          "instructions": "Be brief.", "model": "gpt-5-mini", "tools": [],
                          "createdAt": "2026-05-01T09:00:00.000Z", "updatedAt": "2026-05-01T09:00:00.000Z"}}""".formatted(eventId, agent.uuid));
        assertEquals(expected.toString(), event);
    }

    @Test
    void updatedNamesItsOwnTypeAndSchema() throws Exception {
        Agent agent = agent();
        agent.apply("helper", null, null, null, Instant.parse("2026-05-01T11:00:00.5Z"));

        JsonNode event =
                json.readTree(json.writeValueAsString(AgentEvents.updated(agent, UUID.randomUUID(), Instant.now())));

        assertEquals("switchboard.agent.updated", event.get("type").asText());
        assertEquals(
                "urn:switchboard:schema:agent.updated.v1",
                event.get("dataschema").asText());
        assertEquals("helper", event.get("data").get("handle").asText());
        assertEquals(
                "2026-05-01T11:00:00.500Z", event.get("data").get("updatedAt").asText());
    }

    @Test
    void toolsAreNamedByTypeAndNameOnly() throws Exception {
        Agent agent = agent();
        agent.replaceTools(
                List.of(
                        AgentTool.builtin("calculator"),
                        AgentTool.mcpUrl(
                                "https://mcp.example.com:8443/v1/mcp?token=query-secret",
                                Map.of("Authorization", "enc:v1:abcdefgh:sealed")),
                        AgentTool.mcpServer("everything")),
                "abcdefgh",
                Instant.parse("2026-05-01T10:00:00Z"));

        String event = json.writeValueAsString(AgentEvents.updated(agent, UUID.randomUUID(), Instant.now()));
        JsonNode tools = json.readTree(event).get("data").get("tools");

        assertEquals(json.readTree("""
                [{"type": "builtin", "name": "calculator"}, {"type": "mcp", "name": "mcp.example.com"},
                 {"type": "mcp", "name": "everything"}]"""), tools);
        for (String hidden : List.of("query-secret", "sealed", "Authorization", "/v1/mcp", "8443")) {
            assertFalse(event.contains(hidden), hidden + " is not in the event: " + event);
        }
    }

    @Test
    void anUnsavedAgentHasNoEvent() {
        Agent agent = agent();
        agent.id = null;
        assertThrows(
                IllegalArgumentException.class, () -> AgentEvents.created(agent, UUID.randomUUID(), Instant.now()));
    }

    private static Agent agent() {
        Agent agent = Agent.create(
                "org-1", null, "Helper", "Be brief.", "gpt-5-mini", Instant.parse("2026-05-01T09:00:00.000999Z"));
        agent.id = 42L;
        return agent;
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonConfig().customize(mapper);
        return mapper;
    }
}
