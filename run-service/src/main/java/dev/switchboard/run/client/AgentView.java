package dev.switchboard.run.client;

import java.util.UUID;

/** The fields of agent-service's agent JSON that run-service reads. */
public record AgentView(long id, UUID uuid, String handle, String name, String instructions, String model) {
}
