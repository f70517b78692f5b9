package dev.switchboard.gateway.rest.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.agent.AgentToolView;
import dev.switchboard.gateway.client.agent.AgentView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent in the public API (snake_case): the fields agent-service answers ({@code handle} may be null), except
 * that the values of MCP servers' {@code headers} are masked ({@code "***"}).
 */
public record AgentResponse(
        long id,
        UUID uuid,
        String handle,
        String name,
        String instructions,
        String model,
        List<AgentToolView> tools,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    static AgentResponse from(AgentView agent) {
        List<AgentToolView> tools = agent.tools() == null
                ? List.of()
                : agent.tools().stream().map(AgentToolView::masked).toList();
        return new AgentResponse(
                agent.id(),
                agent.uuid(),
                agent.handle(),
                agent.name(),
                agent.instructions(),
                agent.model(),
                tools,
                agent.createdAt(),
                agent.updatedAt());
    }
}
