package dev.switchboard.agent.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of {@code POST /internal/teams} ({@code name} and {@code agentIds} required) and
 * {@code PATCH /internal/teams/{id}} (absent or null fields stay as they are). {@code agentIds} entries are agent
 * references as a client names them: numeric ids (JSON numbers or strings), UUIDs or handles; checked by
 * {@link dev.switchboard.agent.service.TeamService}, which names the entry at fault.
 */
public record TeamRequest(String name, List<JsonNode> agentIds, String summarizerModel) {}
