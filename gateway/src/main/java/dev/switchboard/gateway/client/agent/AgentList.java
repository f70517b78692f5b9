package dev.switchboard.gateway.client.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** agent-service's answer to {@code GET /internal/agents}, and {@code GET /api/v1/agents}'s (ordered by id). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentList(List<AgentView> agents) {}
