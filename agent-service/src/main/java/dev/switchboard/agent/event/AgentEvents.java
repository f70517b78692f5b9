package dev.switchboard.agent.event;

import dev.switchboard.agent.Agent;
import dev.switchboard.platform.events.CloudEvent;
import dev.switchboard.platform.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the CloudEvents agent-service publishes on {@code agent-events}. */
public final class AgentEvents {

    public static final String TOPIC = "agent-events";
    public static final String SOURCE = "/agent-service";
    public static final String CREATED = "switchboard.agent.created";
    public static final String UPDATED = "switchboard.agent.updated";

    private AgentEvents() {}

    public static CloudEvent<AgentEventData> created(Agent agent, UUID eventId, Instant time) {
        return envelope(CREATED, "urn:switchboard:schema:agent.created.v1", agent, eventId, time);
    }

    public static CloudEvent<AgentEventData> updated(Agent agent, UUID eventId, Instant time) {
        return envelope(UPDATED, "urn:switchboard:schema:agent.updated.v1", agent, eventId, time);
    }

    private static CloudEvent<AgentEventData> envelope(
            String type, String schema, Agent agent, UUID eventId, Instant time) {
        if (agent.id == null || agent.uuid == null) {
            throw new IllegalArgumentException("an agent event needs a persisted agent");
        }
        List<AgentEventTool> tools = agent.tools == null
                ? List.of()
                : agent.tools.stream().map(AgentEventTool::of).toList();
        AgentEventData data = new AgentEventData(
                agent.orgId,
                agent.uuid,
                agent.id,
                agent.handle,
                agent.name,
                agent.instructions,
                agent.model,
                tools,
                agent.createdAt,
                agent.updatedAt);
        return CloudEvent.of(eventId, SOURCE, type, agent.uuid.toString(), Timestamps.millis(time), schema, data);
    }
}
