package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.client.AgentView;

import java.time.Instant;
import java.util.UUID;

/** An agent in the public API: the same JSON agent-service answers ({@code handle} may be null). */
public record AgentResponse(long id, UUID uuid, String handle, String name, String instructions, String model,
        Instant createdAt, Instant updatedAt) {

    static AgentResponse from(AgentView agent) {
        return new AgentResponse(agent.id(), agent.uuid(), agent.handle(), agent.name(), agent.instructions(),
                agent.model(), agent.createdAt(), agent.updatedAt());
    }
}
