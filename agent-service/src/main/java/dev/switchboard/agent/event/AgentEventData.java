package dev.switchboard.agent.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.agent.AgentTool;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code data} of {@code switchboard.agent.created} and {@code switchboard.agent.updated} (schema v1). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AgentEventData(
        String orgId,
        UUID agentId,
        long numericId,
        String handle,
        String name,
        String instructions,
        String model,
        List<AgentTool> tools,
        Instant createdAt,
        Instant updatedAt) {
}
