package dev.switchboard.gateway.client.run;

import dev.switchboard.gateway.client.agent.AgentToolView;
import java.util.List;

/**
 * run-service's {@code GET /internal/tools}: the tools an agent may list on this deployment, as it lists them
 * (the built-ins offered, the operator's stdio MCP servers by name).
 */
public record ToolCatalog(List<AgentToolView> tools) {}
