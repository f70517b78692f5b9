package dev.switchboard.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentTool;
import dev.switchboard.agent.event.AgentEventOutbox;
import dev.switchboard.agent.repository.AgentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Brings stored tools up to date, one batch per transaction ({@link StoredToolsUpgradeAtStart} runs it):
 * <ul>
 * <li>rows stored before header values were sealed (V3) get them sealed with the current key, and rows sealed
 * with an earlier key ({@code SWITCHBOARD_SECRETS_PREVIOUS_KEYS}) are re-sealed with the current one;</li>
 * <li>MCP servers an agent defined by a command of its own (before the operator defined stdio servers) are
 * removed, with a log line naming the agent and the command, and an {@code agent.updated} event. Only the operator
 * (run-service's {@code switchboard.tools.mcp.servers}) decides what runs on run-service's host now; the agent's
 * owner picks one of those by name.</li>
 * </ul>
 * Idempotent: a row done carries the current key id and is not selected again.
 */
@ApplicationScoped
public class StoredToolsUpgrade {

    private static final Logger LOG = Logger.getLogger(StoredToolsUpgrade.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentRepository agents;
    private final ToolSecrets secrets;
    private final AgentEventOutbox events;

    StoredToolsUpgrade(AgentRepository agents, ToolSecrets secrets, AgentEventOutbox events) {
        this.agents = agents;
        this.secrets = secrets;
        this.events = events;
    }

    /** Upgrades up to {@code limit} agents; answers how many it took (fewer than {@code limit}: all done). */
    @WithTransaction
    public Uni<Integer> upgradeBatch(int limit) {
        Set<String> earlier = new HashSet<>(secrets.keyIds());
        earlier.remove(secrets.keyId());
        return agents.lockUnsealed(earlier, limit)
                .call(batch -> Multi.createFrom()
                        .iterable(batch)
                        .onItem()
                        .transformToUniAndConcatenate(this::upgrade)
                        .collect()
                        .last())
                .map(List::size);
    }

    /** How many agents are sealed with a key this service does not have (their tools cannot be read). */
    @WithTransaction
    public Uni<Long> unreadable() {
        return agents.countSealedWithOtherKeys(secrets.keyIds());
    }

    private Uni<Void> upgrade(Agent agent) {
        List<AgentTool> clear = secrets.open(agent);
        List<AgentTool> kept =
                clear.stream().filter(tool -> !tool.isRetiredStdioServer()).toList();
        if (kept.size() == clear.size()) {
            agent.resealTools(secrets.seal(agent.uuid, clear), secrets.keyId());
            return Uni.createFrom().voidItem();
        }
        return agents.storedToolsJson(agent.id)
                .invoke(json -> LOG.warnf(
                        "agent %s of organisation %s: removed %d MCP server(s) it started with a "
                                + "command of its own (%s): stdio MCP servers are now defined by the operator "
                                + "(run-service switchboard.tools.mcp.servers) and agents pick one by name",
                        agent.uuid, agent.orgId, clear.size() - kept.size(), String.join(", ", commands(json))))
                .invoke(() -> agent.replaceTools(secrets.seal(agent.uuid, kept), secrets.keyId(), Instant.now()))
                .chain(() -> events.updated(agent));
    }

    /** The commands of the stored tools that have one (never their arguments or environment). */
    static List<String> commands(String toolsJson) {
        List<String> commands = new ArrayList<>();
        try {
            for (JsonNode tool : JSON.readTree(toolsJson)) {
                if (tool.hasNonNull("command")) {
                    commands.add("`" + tool.get("command").asText() + "`");
                }
            }
        } catch (IOException e) {
            commands.add("(unreadable)");
        }
        return commands;
    }
}
