package dev.switchboard.run.client;

import java.util.List;
import java.util.UUID;

/** The fields of agent-service's agent JSON that run-service reads; {@code tools} may be null in old payloads. */
public record AgentView(
        long id, UUID uuid, String handle, String name, String instructions, String model, List<AgentTool> tools) {

    /** The agent's tools; empty when it has none. */
    public List<AgentTool> toolsOrEmpty() {
        return tools == null ? List.of() : tools;
    }
}
