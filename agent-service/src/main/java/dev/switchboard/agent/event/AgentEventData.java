package dev.switchboard.agent.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of {@code switchboard.agent.created} and {@code switchboard.agent.updated} (schema v1); the
 * tools by type and name only ({@link AgentEventTool}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AgentEventData(
        String orgId,
        UUID agentId,
        long numericId,
        String handle,
        String name,
        String instructions,
        String model,
        List<AgentEventTool> tools,
        Instant createdAt,
        Instant updatedAt) {}
