package dev.switchboard.agent;

import dev.switchboard.platform.web.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** An agent of one organisation: a named model configuration with instructions. */
@Entity
@Table(name = "agents")
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false, unique = true)
    public UUID uuid;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    public String handle;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String instructions;

    @Column(nullable = false)
    public String model;

    /**
     * The agent's built-in tools and MCP servers, stored as a jsonb array, their header values sealed
     * ({@code tool/ToolSecrets} opens them): set only through {@link #replaceTools} and {@link #resealTools}.
     */
    @Convert(converter = AgentToolsConverter.class)
    @ColumnTransformer(read = "tools::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public List<AgentTool> tools;

    /** The key that sealed the tools' header values; null for tools stored before they were sealed. */
    @Column(name = "secrets_key_id")
    public String secretsKeyId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * A new agent with a fresh UUID and no tools yet ({@link #replaceTools}); timestamps are kept to the
     * millisecond, as the API shows them.
     */
    public static Agent create(
            String orgId, String handle, String name, String instructions, String model, Instant now) {
        Agent agent = new Agent();
        agent.uuid = UUID.randomUUID();
        agent.orgId = orgId;
        agent.handle = handle;
        agent.name = name;
        agent.instructions = instructions == null ? "" : instructions;
        agent.model = model;
        agent.tools = List.of();
        agent.createdAt = Timestamps.millis(now);
        agent.updatedAt = agent.createdAt;
        return agent;
    }

    /**
     * Applies the non-null values and reports whether anything changed; {@code updatedAt} moves only then.
     */
    public boolean apply(String newHandle, String newName, String newInstructions, String newModel, Instant now) {
        boolean changed = false;
        if (newHandle != null && !newHandle.equals(handle)) {
            handle = newHandle;
            changed = true;
        }
        if (newName != null && !newName.equals(name)) {
            name = newName;
            changed = true;
        }
        if (newInstructions != null && !newInstructions.equals(instructions)) {
            instructions = newInstructions;
            changed = true;
        }
        if (newModel != null && !Objects.equals(newModel, model)) {
            model = newModel;
            changed = true;
        }
        if (changed) {
            updatedAt = Timestamps.millis(now);
        }
        return changed;
    }

    /** The same tools sealed anew (with another key): nothing changes for a reader, {@code updatedAt} stays. */
    public void resealTools(List<AgentTool> sealedTools, String keyId) {
        tools = List.copyOf(sealedTools);
        secretsKeyId = keyId;
    }

    /** Sets the tools, sealed with the key {@code keyId}, and moves {@code updatedAt}. */
    public void replaceTools(List<AgentTool> sealedTools, String keyId, Instant now) {
        tools = List.copyOf(sealedTools);
        secretsKeyId = keyId;
        updatedAt = Timestamps.millis(now);
    }
}
