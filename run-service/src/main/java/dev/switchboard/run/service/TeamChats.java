package dev.switchboard.run.service;

import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.client.AgentClient;
import dev.switchboard.run.client.AgentView;
import dev.switchboard.run.client.TeamClient;
import dev.switchboard.run.client.TeamView;
import dev.switchboard.run.rest.RunRequest;
import dev.switchboard.run.rest.TeamChatRequest;
import dev.switchboard.run.rest.TeamChatView;
import dev.switchboard.run.rest.TeamChatView.MemberAnswer;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Seed 003's team chat: {@code brainstorm} (the default: every member answers at once), {@code roundtable}
 * (members answer in turn, each seeing the answers before it) or {@code route} (a supervisor, the summariser
 * model, picks the one member that answers). Each member's answer is a buffered run of that agent on a new thread
 * ({@link RunService}, each on a Vert.x context of its own so that runs at once never share a database session);
 * the {@code summary} is written by the team's summariser model (the first member's model if it has none). The
 * team is agent-service's; the gateway counts {@link #modelCalls} against the caller's run limits.
 */
@ApplicationScoped
public class TeamChats {

    public static final List<String> MODES = List.of("brainstorm", "roundtable", "route");

    /** The longest message a run takes, and the longest a completion does. */
    private static final int MAX_RUN_MESSAGE = 100_000;

    private static final int MAX_COMPLETION_MESSAGE = 200_000;

    private final TeamClient teams;
    private final AgentClient agents;
    private final RunService runs;
    private final ModelCompletions completions;
    private final Vertx vertx;

    public TeamChats(TeamClient teams, AgentClient agents, RunService runs, ModelCompletions completions, Vertx vertx) {
        this.teams = teams;
        this.agents = agents;
        this.runs = runs;
        this.completions = completions;
        this.vertx = vertx;
    }

    /** The model calls a team chat makes: each answering member and the summary, plus the supervisor's pick. */
    public static int modelCalls(String mode, int members) {
        return "route".equals(mode) ? 3 : members + 1;
    }

    public Uni<TeamChatView> chat(Caller caller, String teamId, TeamChatRequest request) {
        if (request == null
                || request.message() == null
                || request.message().isBlank()
                || request.message().length() > MAX_RUN_MESSAGE) {
            throw ApiException.invalid("message is required and must be 1 to 100000 characters", "message");
        }
        String mode = request.mode() == null ? "brainstorm" : request.mode();
        if (!MODES.contains(mode)) {
            throw ApiException.invalid("mode must be one of: " + String.join(", ", MODES), "mode");
        }
        String auth = caller.authorization();
        Executor onRequest = VertxContexts.current();
        return teams.find(teamId, auth)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("team " + teamId + " not found")))
                .flatMap(team -> Multi.createFrom()
                        .iterable(team.agentIds())
                        .onItem()
                        .transformToUniAndConcatenate(uuid -> agents.find(uuid.toString(), auth)
                                .map(agent -> agent.orElseThrow(() -> ApiException.notFound("agent not found"))))
                        .collect()
                        .asList()
                        .emitOn(onRequest)
                        .flatMap(members -> answers(mode, request.message(), members, team, caller, onRequest)
                                .flatMap(answers -> summary(team, members, request.message(), answers)
                                        .map(summary -> new TeamChatView(answers, summary, mode)))
                                .emitOn(onRequest)));
    }

    private Uni<List<MemberAnswer>> answers(
            String mode, String message, List<AgentView> members, TeamView team, Caller caller, Executor onRequest) {
        return switch (mode) {
            case "roundtable" -> roundtable(message, members, caller, onRequest);
            case "route" ->
                route(message, members, team)
                        .flatMap(member -> answer(member, message, caller, onRequest))
                        .map(List::of);
            default ->
                Uni.join()
                        .all(members.stream()
                                .map(m -> answer(m, message, caller, onRequest))
                                .toList())
                        .andFailFast();
        };
    }

    private Uni<List<MemberAnswer>> roundtable(
            String message, List<AgentView> members, Caller caller, Executor onRequest) {
        Uni<List<MemberAnswer>> so = Uni.createFrom().item(List.of());
        for (AgentView member : members) {
            so = so.flatMap(before -> {
                StringBuilder prompt = new StringBuilder(message);
                if (!before.isEmpty()) {
                    prompt.append("\n\nWhat the team said before you:");
                    before.forEach(a -> prompt.append("\n- ")
                            .append(a.agentName())
                            .append(": ")
                            .append(a.content()));
                }
                return answer(member, prompt.toString(), caller, onRequest).map(answer -> {
                    List<MemberAnswer> all = new ArrayList<>(before);
                    all.add(answer);
                    return all;
                });
            });
        }
        return so;
    }

    /** The member whose name the supervisor answers with (the first member if it names none). */
    private Uni<AgentView> route(String message, List<AgentView> members, TeamView team) {
        String names = String.join(", ", members.stream().map(AgentView::name).toList());
        return complete(
                        summarizer(team, members),
                        "You route a question to the one team member best placed "
                                + "to answer it. Reply with that member's name only.",
                        "Members: " + names + "\nQuestion: " + message)
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

    /** The member's run on a new thread, on a Vert.x context of its own, answered back on the request's. */
    private Uni<MemberAnswer> answer(AgentView member, String message, Caller caller, Executor onRequest) {
        if (message.length() > MAX_RUN_MESSAGE) {
            // what POST /internal/runs answered when the gateway ran each member through it
            return Uni.createFrom().failure(ApiException.invalid("message must be 1-100000 characters", "message"));
        }
        return onOwnContext(() -> runs.start(caller, new RunRequest(member.uuid(), "new", null, message, null)))
                .emitOn(onRequest)
                .map(run -> new MemberAnswer(publicRef(member), member.name(), run.content()));
    }

    private Uni<String> summary(TeamView team, List<AgentView> members, String message, List<MemberAnswer> answers) {
        StringBuilder all = new StringBuilder("Question: ").append(message);
        answers.forEach(
                a -> all.append("\n\n").append(a.agentName()).append(": ").append(a.content()));
        return complete(summarizer(team, members), "Summarise the team's answers in a few sentences.", all.toString());
    }

    private Uni<String> complete(String model, String instructions, String message) {
        if (message.length() > MAX_COMPLETION_MESSAGE) {
            // what POST /internal/completions answered when the gateway called it
            return Uni.createFrom().failure(ApiException.invalid("message must be 1-200000 characters", "message"));
        }
        return Uni.createFrom()
                .deferred(() -> completions.complete(model, instructions, message))
                .map(answer -> answer.content() == null ? "" : answer.content());
    }

    private <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .emitter(emitter ->
                        context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }

    private static String summarizer(TeamView team, List<AgentView> members) {
        return team.summarizerModel() != null
                ? team.summarizerModel()
                : members.get(0).model();
    }

    /** How seed 003 names the agent: its handle if it has one, else its numeric id. */
    private static String publicRef(AgentView agent) {
        return agent.handle() != null && !agent.handle().isBlank() ? agent.handle() : Long.toString(agent.id());
    }
}
