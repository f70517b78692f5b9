package dev.switchboard.gateway.rest.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.client.agent.AgentWrite;

/** The body of {@code PATCH /api/v1/agents/{id}}: absent fields stay as they are. */
public record UpdateAgentRequest(String name, String instructions, String model, String handle, JsonNode tools) {

    AgentWrite toAgentWrite() {
        return new AgentWrite(name, instructions, model, handle, tools);
    }
}
