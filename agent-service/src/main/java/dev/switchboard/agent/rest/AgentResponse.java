package dev.switchboard.agent.rest;

import dev.switchboard.agent.AgentTool;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent as the internal API shows it; {@code handle} may be null. */
public record AgentResponse(
        long id,
        UUID uuid,
        String handle,
        String name,
        String instructions,
        String model,
        List<AgentTool> tools,
        Instant createdAt,
        Instant updatedAt) {}
