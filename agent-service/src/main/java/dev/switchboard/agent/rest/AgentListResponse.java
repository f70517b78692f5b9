package dev.switchboard.agent.rest;

import java.util.List;

/** The organisation's agents, ordered by id. */
public record AgentListResponse(List<AgentResponse> agents) {}
