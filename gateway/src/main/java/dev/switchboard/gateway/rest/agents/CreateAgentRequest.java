package dev.switchboard.gateway.rest.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.client.agent.AgentWrite;

/**
 * The body of {@code POST /api/v1/agents}. The gateway checks {@code model} against the canonical ids;
 * agent-service checks the rest (name 1-200, handle {@code ^[a-z][a-z0-9-]{0,62}$}, {@code tools}, ...): {@code tools}
 * is passed through as written, so that agent-service names the field at fault ({@code tools[1].url}).
 */
public record CreateAgentRequest(String name, String instructions, String model, String handle, JsonNode tools) {

    AgentWrite toAgentWrite() {
        return new AgentWrite(name, instructions, model, handle, tools);
    }
}
