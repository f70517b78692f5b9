package dev.switchboard.agent.event;

import dev.switchboard.agent.AgentTool;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A tool as {@code agent-events} names it: its {@code type} and a {@code name}, the built-in's name, the
 * operator's stdio server's name, or the host of an MCP server's URL. Never a header value, a path or query of the
 * URL (they may carry tokens): consumers that need the whole tool read the agent from agent-service's API.
 */
public record AgentEventTool(String type, String name) {

    public static AgentEventTool of(AgentTool tool) {
        if (!AgentTool.MCP.equals(tool.type())) {
            return new AgentEventTool(tool.type(), tool.name());
        }
        if (tool.server() != null) {
            return new AgentEventTool(tool.type(), tool.server());
        }
        return new AgentEventTool(tool.type(), host(tool.url()));
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return new URI(url).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
