package dev.switchboard.run.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.web.json.JsonConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** agent-service's agent JSON (docs/internal-api.md) as run-service reads it, tools included in full. */
class AgentViewTest {

    /** As Quarkus configures it: unknown properties are ignored. */
    private final ObjectMapper json = JsonConfig.configure(new ObjectMapper())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void readsTheAgentsTools() throws Exception {
        AgentView agent = json.readValue("""
                {"id": 7, "uuid": "3b1f8c4e-8a8d-4e3a-b0a5-6c1d2e3f4a5b", "handle": "demo", "name": "Demo",
                 "instructions": "", "model": "gpt-5-mini",
                 "tools": [{"type": "builtin", "name": "calculator"},
                           {"type": "mcp", "url": "https://mcp.example.com/mcp",
                            "headers": {"Authorization": "Bearer t"}},
                           {"type": "mcp", "server": "everything"}],
                 "createdAt": "2026-05-01T10:00:00.000Z", "updatedAt": "2026-05-01T10:00:00.000Z"}""", AgentView.class);
        assertEquals(
                List.of(
                        AgentTool.builtin("calculator"),
                        AgentTool.mcpUrl("https://mcp.example.com/mcp", Map.of("Authorization", "Bearer t")),
                        AgentTool.mcpServer("everything")),
                agent.tools());
        assertEquals(
                "MCP server https://mcp.example.com/mcp", agent.tools().get(1).label());
        assertEquals("MCP server 'everything'", agent.tools().get(2).label());
    }

    @Test
    void anAgentWithoutToolsHasNone() throws Exception {
        AgentView agent = json.readValue("""
                {"id": 7, "uuid": "3b1f8c4e-8a8d-4e3a-b0a5-6c1d2e3f4a5b", "handle": null, "name": "Demo",
                 "instructions": "", "model": "gpt-5-mini"}""", AgentView.class);
        assertTrue(agent.toolsOrEmpty().isEmpty());
    }
}
