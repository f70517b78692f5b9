package dev.switchboard.agent.tool;

import dev.switchboard.agent.AgentTool;
import dev.switchboard.platform.web.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway shows MCP header values as {@value #MASK}. A client that reads an agent and sends its tools back
 * unchanged sends those masks: an update keeps the stored value for a masked one, taken from the stored MCP
 * server with the same {@code url}. A mask with no stored value to stand for is refused.
 */
public final class MaskedValues {

    public static final String MASK = "***";

    private MaskedValues() {}

    /** {@code requested} with every mask replaced by the stored value it stands for (null stays null). */
    public static List<AgentTool> restore(List<AgentTool> requested, List<AgentTool> stored) {
        if (requested == null) {
            return null;
        }
        List<AgentTool> restored = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            AgentTool tool = requested.get(i);
            AgentTool previous = sameServer(tool, stored == null ? List.of() : stored);
            String at = "tools[" + i + "]";
            restored.add(tool.withHeaders(
                    restore(tool.headers(), previous == null ? null : previous.headers(), at + ".headers")));
        }
        return List.copyOf(restored);
    }

    private static Map<String, String> restore(Map<String, String> values, Map<String, String> stored, String at) {
        if (values == null || !values.containsValue(MASK)) {
            return values;
        }
        Map<String, String> restored = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (MASK.equals(value)) {
                String kept = stored == null ? null : stored.get(key);
                if (kept == null) {
                    throw ApiException.invalid(
                            at + "." + key + " is the mask " + MASK
                                    + " but this server has no stored value for it: send the real value",
                            at + "." + key);
                }
                restored.put(key, kept);
            } else {
                restored.put(key, value);
            }
        });
        return restored;
    }

    private static AgentTool sameServer(AgentTool tool, List<AgentTool> stored) {
        if (!AgentTool.MCP.equals(tool.type()) || tool.url() == null) {
            return null;
        }
        for (AgentTool candidate : stored) {
            if (AgentTool.MCP.equals(candidate.type()) && Objects.equals(candidate.url(), tool.url())) {
                return candidate;
            }
        }
        return null;
    }
}
