package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.Team;
import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.client.run.RunClient;
import dev.switchboard.gateway.client.run.RunRequest;
import dev.switchboard.gateway.ratelimit.RunQuota;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.gateway.service.TeamService;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 003's {@code POST /api/teams/{id}/chat} {@code {"message", "mode"}}: {@code brainstorm} (the default:
 * every member answers at once), {@code roundtable} (members answer in turn, each seeing the answers before it)
 * or {@code route} (a supervisor, the summariser model, picks the one member that answers). Each member's answer
 * is a run of that agent on a new thread; the {@code summary} is written by the team's summariser model (the
 * first member's model if it has none).
 */
@Path("/api/teams/{id}/chat")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamChatResource {

    static final List<String> MODES = List.of("brainstorm", "roundtable", "route");

    private final TeamService teams;
    private final AgentClient agents;
    private final RunClient runs;
    private final Callers callers;
    private final RunQuota runQuota;

    public TeamChatResource(TeamService teams, AgentClient agents, RunClient runs, Callers callers,
            RunQuota runQuota) {
        this.teams = teams;
        this.agents = agents;
        this.runs = runs;
        this.callers = callers;
        this.runQuota = runQuota;
    }

    @POST
    public Uni<TeamShapes.TeamChatResponse> chat(@PathParam("id") String id, TeamShapes.TeamChatRequest request) {
        Caller caller = callers.current();
        if (request == null || request.message() == null || request.message().isBlank()
                || request.message().length() > 100_000) {
            throw ApiException.invalid("message is required and must be 1 to 100000 characters", "message");
        }
        String mode = request.mode() == null ? "brainstorm" : request.mode();
        if (!MODES.contains(mode)) {
            throw ApiException.invalid("mode must be one of: " + String.join(", ", MODES), "mode");
        }
        return teams.find(caller.orgId(), TeamService.id(id))
                .call(team -> runQuota.charge(modelCalls(mode, team)))
                .flatMap(team -> Multi.createFrom().items(team.agentIds)
                        .onItem().transformToUniAndConcatenate(uuid -> agents.get(uuid.toString(), caller))
                        .collect().asList()
                        .flatMap(members -> answers(mode, request.message(), members, team, caller)
                                .flatMap(answers -> summary(team, members, request.message(), answers, caller)
                                        .map(summary -> new TeamShapes.TeamChatResponse(answers, summary, mode)))));
    }

    private Uni<List<TeamShapes.MemberAnswer>> answers(String mode, String message, List<AgentView> members,
            Team team, Caller caller) {
        return switch (mode) {
            case "roundtable" -> roundtable(message, members, caller);
            case "route" -> route(message, members, team, caller).flatMap(member -> answer(member, message, caller))
                    .map(List::of);
            default -> Uni.join().all(members.stream().map(m -> answer(m, message, caller)).toList())
                    .andFailFast();
        };
    }

    private Uni<List<TeamShapes.MemberAnswer>> roundtable(String message, List<AgentView> members, Caller caller) {
        Uni<List<TeamShapes.MemberAnswer>> so = Uni.createFrom().item(List.of());
        for (AgentView member : members) {
            so = so.flatMap(before -> {
                StringBuilder prompt = new StringBuilder(message);
                if (!before.isEmpty()) {
                    prompt.append("\n\nWhat the team said before you:");
                    before.forEach(a -> prompt.append("\n- ").append(a.agentName()).append(": ").append(a.content()));
                }
                return answer(member, prompt.toString(), caller).map(answer -> {
                    List<TeamShapes.MemberAnswer> all = new ArrayList<>(before);
                    all.add(answer);
                    return all;
                });
            });
        }
        return so;
    }

    /** The member whose name the supervisor answers with (the first member if it names none). */
    private Uni<AgentView> route(String message, List<AgentView> members, Team team, Caller caller) {
        String names = String.join(", ", members.stream().map(AgentView::name).toList());
        return runs.complete(summarizer(team, members), "You route a question to the one team member best placed "
                        + "to answer it. Reply with that member's name only.",
                "Members: " + names + "\nQuestion: " + message, caller)
                .map(choice -> {
                    String said = choice.toLowerCase(Locale.ROOT);
                    AgentView best = members.get(0);
                    int at = Integer.MAX_VALUE;
                    for (AgentView member : members) {
                        int found = said.indexOf(member.name().toLowerCase(Locale.ROOT));
                        if (found >= 0 && found < at) {
                            at = found;
                            best = member;
                        }
                    }
                    return best;
                });
    }

    private Uni<TeamShapes.MemberAnswer> answer(AgentView member, String message, Caller caller) {
        return runs.run(RunRequest.newThread(member.uuid(), message, null), caller)
                .map(run -> new TeamShapes.MemberAnswer(member.publicRef(), member.name(), run.content()));
    }

    private Uni<String> summary(Team team, List<AgentView> members, String message,
            List<TeamShapes.MemberAnswer> answers, Caller caller) {
        StringBuilder all = new StringBuilder("Question: ").append(message);
        answers.forEach(a -> all.append("\n\n").append(a.agentName()).append(": ").append(a.content()));
        return runs.complete(summarizer(team, members), "Summarise the team's answers in a few sentences.",
                all.toString(), caller);
    }

    /** The model runs a team chat starts, for the run limits: each answering member and the summary. */
    static int modelCalls(String mode, Team team) {
        return "route".equals(mode) ? 3 : team.agentIds.length + 1;
    }

    private static String summarizer(Team team, List<AgentView> members) {
        return team.summarizerModel != null ? team.summarizerModel : members.get(0).model();
    }
}
