package dev.switchboard.agent.service;

import dev.switchboard.agent.Team;
import dev.switchboard.agent.rest.TeamResponse;
import java.util.List;

/** Turns team entities into the records the internal API answers with. */
final class TeamMapper {

    private TeamMapper() {}

    static TeamResponse toResponse(Team team) {
        return new TeamResponse(
                team.id, team.name, team.members(), team.summarizerModel, team.createdAt, team.updatedAt);
    }

    static List<TeamResponse> toResponses(List<Team> teams) {
        return teams.stream().map(TeamMapper::toResponse).toList();
    }
}
