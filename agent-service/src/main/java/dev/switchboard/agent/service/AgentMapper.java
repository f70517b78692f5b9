package dev.switchboard.agent.service;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.rest.AgentResponse;
import dev.switchboard.agent.tool.ToolSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Turns agent entities into the records the internal API answers with: the tools' header values opened (the
 * internal API is for run-service, which needs them; the gateway masks them for clients).
 */
@ApplicationScoped
public class AgentMapper {

    private final ToolSecrets secrets;

    AgentMapper(ToolSecrets secrets) {
        this.secrets = secrets;
    }

    public AgentResponse toResponse(Agent agent) {
        return new AgentResponse(
                agent.id,
                agent.uuid,
                agent.handle,
                agent.name,
                agent.instructions,
                agent.model,
                secrets.open(agent),
                agent.createdAt,
                agent.updatedAt);
    }

    public List<AgentResponse> toResponses(List<Agent> agents) {
        return agents.stream().map(this::toResponse).toList();
    }
}
