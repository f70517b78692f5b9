package dev.switchboard.thread.service;

import dev.switchboard.platform.events.ProcessedEventRepository;
import dev.switchboard.thread.ChatThread;
import dev.switchboard.thread.ThreadTitles;
import dev.switchboard.thread.config.ThreadsConfig;
import dev.switchboard.thread.event.RunEvent;
import dev.switchboard.thread.repository.MessageRepository;
import dev.switchboard.thread.repository.ThreadRepository;
import dev.switchboard.thread.repository.ToolUsageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * Applies a finished run to its thread's summary (message count, last activity, participants, first message
 * and title, recomputed from the thread's messages) and to the tool-usage index. Each event id is applied once: it is recorded in the same
 * transaction as the summary change, and a redelivered event is skipped.
 */
@ApplicationScoped
public class ThreadSummaryProjector {

    /** What applying an event did. */
    public enum Outcome {
        APPLIED,
        ALREADY_APPLIED,
        UNKNOWN_THREAD,
        IGNORED
    }

    private final ThreadRepository threads;
    private final MessageRepository messages;
    private final ProcessedEventRepository processed;
    private final ToolUsageRepository toolUsage;
    private final ThreadsConfig config;

    ThreadSummaryProjector(
            ThreadRepository threads,
            MessageRepository messages,
            ProcessedEventRepository processed,
            ToolUsageRepository toolUsage,
            ThreadsConfig config) {
        this.threads = threads;
        this.messages = messages;
        this.processed = processed;
        this.toolUsage = toolUsage;
        this.config = config;
    }

    @WithTransaction
    public Uni<Outcome> apply(RunEvent event) {
        if (!event.changesTheSummary()) {
            return Uni.createFrom().item(Outcome.IGNORED);
        }
        return processed.applyOnce(
                event.id(),
                () -> threads.lockInOrg(event.orgId(), event.threadId())
                        .chain(thread -> thread == null
                                ? Uni.createFrom().item(Outcome.UNKNOWN_THREAD)
                                : summarise(thread, event)
                                        .chain(() -> indexTools(thread, event))
                                        .replaceWith(Outcome.APPLIED)),
                () -> Outcome.ALREADY_APPLIED);
    }

    /** The tool-usage index, in the same transaction as the summary and the processed event id. */
    private Uni<Void> indexTools(ChatThread thread, RunEvent event) {
        Instant at = event.time() == null ? Instant.now() : event.time();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Integer> tool : event.toolsUsed().entrySet()) {
            chain = chain.chain(() -> toolUsage.add(thread.orgId, thread.id, tool.getKey(), tool.getValue(), at))
                    .replaceWithVoid();
        }
        return chain;
    }

    private Uni<Void> summarise(ChatThread thread, RunEvent event) {
        return messages.countInThread(thread.id)
                .invoke(count -> thread.messageCount = count.intValue())
                .chain(() -> messages.lastMessage(thread.id))
                .invoke(last -> {
                    thread.touch(event.time());
                    if (last != null) {
                        thread.touch(last.createdAt);
                    }
                    thread.addParticipant(event.userId());
                })
                .chain(() -> thread.firstMessage != null && thread.title != null
                        ? Uni.createFrom().voidItem()
                        : messages.firstUserMessage(thread.id)
                                .invoke(first -> {
                                    if (first == null) {
                                        return;
                                    }
                                    if (thread.firstMessage == null) {
                                        thread.firstMessage = first.content;
                                    }
                                    if (thread.title == null) {
                                        thread.title =
                                                ThreadTitles.fromFirstMessage(first.content, config.titleLength());
                                    }
                                })
                                .replaceWithVoid());
    }
}
