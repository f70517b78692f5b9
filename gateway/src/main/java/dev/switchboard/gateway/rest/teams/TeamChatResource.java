package dev.switchboard.gateway.rest.teams;

import dev.switchboard.gateway.client.agent.TeamClient;
import dev.switchboard.gateway.client.run.TeamChatClient;
import dev.switchboard.gateway.client.run.TeamChatRequest;
import dev.switchboard.gateway.ratelimit.RunQuota;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Seed 003's {@code POST /api/teams/{id}/chat} {@code {"message", "mode"}} ({@code brainstorm}, the default,
 * {@code roundtable} or {@code route}), orchestrated by run-service. Here: the body checked, the team read
 * (agent-service; 404 if the org has none) to count the model calls the chat makes against the caller's run
 * limits ({@link RunQuota}: 429 and nothing run when they have no room), then the chat forwarded.
 */
@Path("/api/teams/{id}/chat")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamChatResource {

    static final List<String> MODES = List.of("brainstorm", "roundtable", "route");

    private final TeamClient teams;
    private final TeamChatClient chats;
    private final Callers callers;
    private final RunQuota runQuota;

    public TeamChatResource(TeamClient teams, TeamChatClient chats, Callers callers, RunQuota runQuota) {
        this.teams = teams;
        this.chats = chats;
        this.callers = callers;
        this.runQuota = runQuota;
    }

    @POST
    public Uni<TeamShapes.TeamChatResponse> chat(@PathParam("id") String id, TeamShapes.TeamChatRequest request) {
        Caller caller = callers.current();
        if (request == null
                || request.message() == null
                || request.message().isBlank()
                || request.message().length() > 100_000) {
            throw ApiException.invalid("message is required and must be 1 to 100000 characters", "message");
        }
        String mode = request.mode() == null ? "brainstorm" : request.mode();
        if (!MODES.contains(mode)) {
            throw ApiException.invalid("mode must be one of: " + String.join(", ", MODES), "mode");
        }
        return teams.get(id, caller)
                .flatMap(team -> {
                    int calls = modelCalls(mode, team.agentIds().size());
                    return runQuota.charge(calls)
                            .chain(() -> chats.chat(
                                    team.id().toString(), new TeamChatRequest(request.message(), mode), calls, caller));
                })
                .map(TeamShapes.TeamChatResponse::of);
    }

    /** The model calls a team chat makes, for the run limits: each answering member and the summary. */
    static int modelCalls(String mode, int members) {
        return "route".equals(mode) ? 3 : members + 1;
    }
}
