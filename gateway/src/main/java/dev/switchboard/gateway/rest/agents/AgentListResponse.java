package dev.switchboard.gateway.rest.agents;

import java.util.List;

/** {@code GET /api/v1/agents}: the caller's org's agents, ordered by id. */
public record AgentListResponse(List<AgentResponse> agents) {}
