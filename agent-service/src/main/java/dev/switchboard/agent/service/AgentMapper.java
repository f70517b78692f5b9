package dev.switchboard.agent.service;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.rest.AgentResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Turns agent entities into the records the internal API answers with. */
@ApplicationScoped
public class AgentMapper {

    public AgentResponse toResponse(Agent agent) {
        return new AgentResponse(agent.id, agent.uuid, agent.handle, agent.name, agent.instructions, agent.model,
                agent.tools == null ? List.of() : agent.tools,
                agent.createdAt, agent.updatedAt);
    }

    public List<AgentResponse> toResponses(List<Agent> agents) {
        return agents.stream().map(this::toResponse).toList();
    }
}
