package dev.switchboard.gateway.client.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of agent-service's {@code POST /internal/teams} and {@code PATCH /internal/teams/{id}}: members as the
 * client named them (numeric id as a number or string, UUID or handle), left for agent-service to check; a null
 * field is left out (unchanged on {@code PATCH}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamWrite(String name, List<JsonNode> agentIds, String summarizerModel) {}
