package dev.switchboard.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.Team;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The team API's shapes (snake_case, like seed 003). */
final class TeamShapes {

    private TeamShapes() {
    }

    /** Create ({@code name} and {@code agent_ids} required) and update (any of them) body. */
    record TeamRequest(String name, @JsonProperty("agent_ids") List<String> agentIds,
            @JsonProperty("summarizer_model") String summarizerModel) {
    }

    record TeamResponse(UUID id, String name, @JsonProperty("agent_ids") List<UUID> agentIds,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("summarizer_model") String summarizerModel,
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

        static TeamResponse of(Team team) {
            return new TeamResponse(team.id, team.name, List.of(team.agentIds), team.summarizerModel, team.createdAt,
                    team.updatedAt);
        }
    }

    record TeamList(List<TeamResponse> teams) {
    }

    /** Seed 003's team chat body. */
    record TeamChatRequest(String message, String mode) {
    }

    /** Seed 003's team chat answer. */
    record TeamChatResponse(List<MemberAnswer> responses, String summary, String mode) {
    }

    record MemberAnswer(@JsonProperty("agent_id") String agentId, @JsonProperty("agent_name") String agentName,
            String content) {
    }
}
