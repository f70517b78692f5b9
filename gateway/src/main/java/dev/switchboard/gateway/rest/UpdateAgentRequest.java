package dev.switchboard.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.client.AgentWrite;

/** The body of {@code PATCH /api/v1/agents/{id}}: absent fields stay as they are. */
public record UpdateAgentRequest(String name, String instructions, String model, String handle,
        JsonNode tools) {

    AgentWrite toAgentWrite() {
        return new AgentWrite(name, instructions, model, handle, tools);
    }
}
