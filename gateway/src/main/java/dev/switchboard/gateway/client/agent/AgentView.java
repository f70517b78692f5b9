package dev.switchboard.gateway.client.agent;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent: agent-service's agent JSON as the gateway reads it (camelCase), and as the public agent routes answer
 * it ({@code created_at}, {@code updated_at}; {@link #masked}). {@code handle} may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentView(
        long id,
        UUID uuid,
        String handle,
        String name,
        String instructions,
        String model,
        List<AgentToolView> tools,
        @JsonProperty("created_at") @JsonAlias("createdAt") Instant createdAt,
        @JsonProperty("updated_at") @JsonAlias("updatedAt") Instant updatedAt) {

    /** How seed 003 names the agent: its handle if it has one, else its numeric id. */
    public String publicRef() {
        return handle != null && !handle.isBlank() ? handle : Long.toString(id);
    }

    /** The agent as the public API shows it: the values of MCP servers' {@code headers} masked, no tools = []. */
    public AgentView masked() {
        List<AgentToolView> shown = tools == null
                ? List.of()
                : tools.stream().map(AgentToolView::masked).toList();
        return new AgentView(id, uuid, handle, name, instructions, model, shown, createdAt, updatedAt);
    }
}
