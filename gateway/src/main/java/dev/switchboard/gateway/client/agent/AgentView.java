package dev.switchboard.gateway.client.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** agent-service's agent JSON ({@code handle} may be null). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentView(
        long id,
        UUID uuid,
        String handle,
        String name,
        String instructions,
        String model,
        List<AgentToolView> tools,
        Instant createdAt,
        Instant updatedAt) {

    /** How seed 003 names the agent: its handle if it has one, else its numeric id. */
    public String publicRef() {
        return handle != null && !handle.isBlank() ? handle : Long.toString(id);
    }
}
