package dev.switchboard.agent.tool;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentTool;
import dev.switchboard.agent.config.AgentsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Seals the header values of an agent's MCP servers before they are stored and opens them when the agent is read
 * (the internal API answers them clear: run-service needs them; the gateway masks them). Each value is bound to
 * its agent, server URL and header name. Created at start: without a key ({@code SWITCHBOARD_SECRETS_KEY}) the
 * service does not start, unless {@code switchboard.agents.secrets.generate-missing-key} (dev, test).
 */
@Startup
@ApplicationScoped
public class ToolSecrets {

    private final SecretCipher cipher;

    @Inject
    public ToolSecrets(AgentsConfig config) {
        this(new SecretCipher(SecretKeys.from(config.secrets())));
    }

    ToolSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The id of the key {@link #seal} uses. */
    public String keyId() {
        return cipher.currentKeyId();
    }

    /** Every key id this service can open, the current one included. */
    public Set<String> keyIds() {
        return cipher.keys().ids();
    }

    /** {@code clear} with every header value sealed for the agent {@code agentUuid}. */
    public List<AgentTool> seal(UUID agentUuid, List<AgentTool> clear) {
        List<AgentTool> sealed = new ArrayList<>();
        for (AgentTool tool : clear == null ? List.<AgentTool>of() : clear) {
            sealed.add(tool.headers() == null ? tool : tool.withHeaders(map(tool, agentUuid, true)));
        }
        return List.copyOf(sealed);
    }

    /** The agent's tools with their header values clear (tools stored before sealing are clear already). */
    public List<AgentTool> open(Agent agent) {
        List<AgentTool> tools = agent.tools == null ? List.of() : agent.tools;
        if (agent.secretsKeyId == null) {
            return tools;
        }
        List<AgentTool> opened = new ArrayList<>();
        for (AgentTool tool : tools) {
            opened.add(tool.headers() == null ? tool : tool.withHeaders(map(tool, agent.uuid, false)));
        }
        return List.copyOf(opened);
    }

    private Map<String, String> map(AgentTool tool, UUID agentUuid, boolean seal) {
        Map<String, String> out = new LinkedHashMap<>();
        tool.headers().forEach((name, value) -> {
            String bound = associatedData(agentUuid, tool.url(), name);
            try {
                out.put(name, seal ? cipher.seal(value, bound) : cipher.open(value, bound));
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "agent " + agentUuid + ", header " + name + " of " + tool.url() + ": " + e.getMessage(), e);
            }
        });
        return out;
    }

    /** Where a value belongs: a sealed value copied to another agent, server or header does not open. */
    static String associatedData(UUID agentUuid, String url, String header) {
        return "switchboard:agent-tool-header:v1\n" + agentUuid + "\n" + url + "\n" + header;
    }
}
