package dev.switchboard.run.service;

import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.client.AgentView;
import dev.switchboard.run.client.MessageView;
import dev.switchboard.run.client.NewMessage;
import dev.switchboard.run.client.ThreadClient;
import dev.switchboard.run.config.RunsConfig;
import dev.switchboard.run.provider.ModelRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the model of an admitted run is asked, buffered or streamed alike: the run's user message appended to its
 * thread (unless the caller stored it first, {@code userMessageId}) and the prompt built from the agent's
 * instructions and the thread's newest messages ({@link HistoryTurns}).
 */
@ApplicationScoped
public class RunPrompts {

    private final ThreadClient threads;
    private final RunsConfig config;

    public RunPrompts(ThreadClient threads, RunsConfig config) {
        this.threads = threads;
        this.config = config;
    }

    /**
     * The deterministic id of a run's message, so that sending it again is harmless; the run's org is part of it, as
     * a run id is unique within its org only. The gateway derives the assistant message's id the same way.
     */
    public static UUID messageId(Run run, String role) {
        return messageId(run.orgId, run.id, role);
    }

    public static UUID messageId(String orgId, UUID runId, String role) {
        return UUID.nameUUIDFromBytes((orgId + ":" + runId + ":" + role).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What the model is asked, and the write of the run's user message, which the answer is stored after: already
     * done, or (when the history was read while the run was recorded) under way while the model is asked.
     */
    public record Asked(ModelRequest model, Uni<Void> stored) {}

    /** Appends the user's message (unless stored already) and asks what the model is to answer from. */
    public Uni<Asked> ask(Caller caller, RunAdmission.Prepared prepared, UUID userMessageId) {
        String auth = caller.authorization();
        Run run = prepared.run();
        if (prepared.history() != null) {
            List<MessageView> history = prepared.history();
            if (userMessageId != null) {
                requireUserMessage(history, userMessageId);
                return Uni.createFrom()
                        .item(new Asked(
                                modelRequest(prepared, history),
                                Uni.createFrom().voidItem()));
            }
            Uni<Void> stored = userMessage(run, null, auth).memoize().indefinitely();
            stored.subscribe().with(done -> {}, failure -> {}); // its failure fails the run when awaited
            return Uni.createFrom().item(new Asked(modelRequest(prepared, withQuestion(history, run)), stored));
        }
        return userMessage(run, userMessageId, auth)
                .flatMap(appended -> threads.recentMessages(run.threadId, config.historyWindow(), auth))
                .invoke(history -> requireUserMessage(history, userMessageId))
                .map(history -> new Asked(
                        modelRequest(prepared, history), Uni.createFrom().voidItem()));
    }

    private static ModelRequest modelRequest(RunAdmission.Prepared prepared, List<MessageView> history) {
        AgentView agent = prepared.agent();
        return new ModelRequest(
                prepared.route().providerModel(),
                agent.name(),
                HistoryTurns.instructions(agent.instructions(), history),
                HistoryTurns.of(history),
                List.of());
    }

    /** The history read before the run's user message was stored, with that message as it is being stored. */
    private List<MessageView> withQuestion(List<MessageView> history, Run run) {
        List<MessageView> newest = new ArrayList<>(history);
        newest.add(new MessageView(
                messageId(run, "user"), run.threadId, "user", run.input, run.userId, run.id, run.createdAt));
        int window = config.historyWindow();
        return newest.size() > window ? newest.subList(newest.size() - window, newest.size()) : newest;
    }

    /** Appends the run's user message, unless the caller stored it already ({@code userMessageId}). */
    private Uni<Void> userMessage(Run run, UUID userMessageId, String auth) {
        if (userMessageId != null) {
            return Uni.createFrom().voidItem();
        }
        NewMessage question = new NewMessage(messageId(run, "user"), "user", run.input, run.id);
        return threads.append(run.threadId, question, auth).replaceWithVoid();
    }

    /** A message stored beforehand must be a user message among the thread's newest ones. */
    private static void requireUserMessage(List<MessageView> history, UUID userMessageId) {
        if (userMessageId != null
                && history.stream().noneMatch(m -> userMessageId.equals(m.id()) && "user".equals(m.role()))) {
            throw ApiException.notFound(
                    "user message " + userMessageId + " not found among the thread's newest messages", "userMessageId");
        }
    }
}
