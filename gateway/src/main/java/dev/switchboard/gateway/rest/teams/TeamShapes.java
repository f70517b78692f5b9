package dev.switchboard.gateway.rest.teams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.client.agent.TeamView;
import dev.switchboard.gateway.client.agent.TeamWrite;
import dev.switchboard.gateway.client.run.TeamChatResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The team API's shapes: snake_case, like seed 003, whose team chat route they include. */
final class TeamShapes {

    private TeamShapes() {}

    /**
     * Create ({@code name} and {@code agent_ids} required) and update (any of them) body; {@code agent_ids}
     * entries are agents by numeric id (a JSON number or string, as {@code GET /api/v1/agents} shows it), UUID or
     * handle, checked by agent-service.
     */
    record TeamRequest(
            String name,
            @JsonProperty("agent_ids") List<JsonNode> agentIds,
            @JsonProperty("summarizer_model") String summarizerModel) {

        TeamWrite toTeamWrite() {
            return new TeamWrite(name, agentIds, summarizerModel);
        }
    }

    record TeamResponse(
            UUID id,
            String name,
            @JsonProperty("agent_ids") List<UUID> agentIds,

            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("summarizer_model")
            String summarizerModel,

            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static TeamResponse of(TeamView team) {
            return new TeamResponse(
                    team.id(),
                    team.name(),
                    team.agentIds(),
                    team.summarizerModel(),
                    team.createdAt(),
                    team.updatedAt());
        }
    }

    record TeamList(List<TeamResponse> teams) {}

    /** Seed 003's team chat body. */
    record TeamChatRequest(String message, String mode) {}

    /** Seed 003's team chat answer. */
    record TeamChatResponse(List<MemberAnswer> responses, String summary, String mode) {

        static TeamChatResponse of(TeamChatResult result) {
            return new TeamChatResponse(
                    result.responses().stream()
                            .map(a -> new MemberAnswer(a.agentId(), a.agentName(), a.content()))
                            .toList(),
                    result.summary(),
                    result.mode());
        }
    }

    record MemberAnswer(
            @JsonProperty("agent_id") String agentId,
            @JsonProperty("agent_name") String agentName,
            String content) {}
}
