package dev.switchboard.thread.service;

import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.ChatThread;
import dev.switchboard.thread.repository.MessageRepository;
import dev.switchboard.thread.repository.ReadMarkRepository;
import dev.switchboard.thread.repository.ThreadRepository;
import dev.switchboard.thread.rest.ConversationRequests;
import dev.switchboard.thread.rest.MessageListResponse;
import dev.switchboard.thread.rest.ThreadResponse;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Seed 003's conversations: each user's own threads with an agent, one of which is current. A conversation named
 * by id is reached as {@link Caller} says (its participants read it, its creator or an admin renames or deletes
 * it); another user's, agent's or organisation's conversation answers as one that does not exist.
 */
@ApplicationScoped
public class ConversationService {

    private final ThreadRepository threads;
    private final MessageRepository messages;
    private final ReadMarkRepository readMarks;
    private final ThreadMapper mapper;

    ConversationService(
            ThreadRepository threads, MessageRepository messages, ReadMarkRepository readMarks, ThreadMapper mapper) {
        this.threads = threads;
        this.messages = messages;
        this.readMarks = readMarks;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<ConversationRequests.ConversationList> list(String orgId, String userId, UUID agentId, int limit) {
        return threads.find(
                        "orgId = ?1 and agentId = ?2 and createdBy = ?3",
                        Sort.descending("updatedAt", "id"),
                        orgId,
                        agentId,
                        userId)
                .page(0, limit)
                .list()
                .chain(list -> threads.findCurrent(orgId, userId, agentId)
                        .map(current -> new ConversationRequests.ConversationList(
                                list.stream().map(mapper::toResponse).toList(), current == null ? null : current.id)));
    }

    /** A new conversation, which becomes the caller's current one. */
    @WithTransaction
    public Uni<ThreadResponse> create(String orgId, String userId, ConversationRequests.Create request) {
        ChatThread thread = ChatThread.start(orgId, request.agentId(), request.agentNumericId(), userId, Instant.now());
        thread.title = request.title() == null || request.title().isBlank()
                ? null
                : request.title().strip();
        return threads.persistAndFlush(thread)
                .chain(() -> threads.makeCurrent(orgId, userId, request.agentId(), thread.id))
                .map(ignored -> mapper.toResponse(thread));
    }

    /** Renames; the summary projector never overwrites a title once set. */
    @WithTransaction
    public Uni<ThreadResponse> rename(Caller caller, UUID agentId, String threadId, String title) {
        return managed(caller, agentId, threadId).map(thread -> {
            thread.title = title.strip();
            return mapper.toResponse(thread);
        });
    }

    /** Deletes the conversation with its messages, read marks, tool usage and current-conversation mark. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID agentId, String threadId) {
        return managed(caller, agentId, threadId).chain(threads::delete);
    }

    @WithSession
    public Uni<MessageListResponse> history(Caller caller, UUID agentId, String threadId, int limit) {
        return reached(caller, agentId, threadId)
                .chain(thread -> messages.newest(thread.id, limit))
                .map(mapper::toList);
    }

    @WithSession
    public Uni<ConversationRequests.Inbox> inbox(String orgId, String userId, UUID agentId, int limit) {
        return readMarks
                .unread(orgId, userId, agentId, limit)
                .chain(unread -> readMarks
                        .unreadCount(orgId, userId, agentId)
                        .map(count -> new ConversationRequests.Inbox(
                                unread.stream().map(mapper::toResponse).toList(), count)));
    }

    @WithTransaction
    public Uni<ConversationRequests.Marked> markRead(Caller caller, ConversationRequests.MarkRead request) {
        String orgId = caller.orgId();
        String userId = caller.userId();
        UUID agentId = request.agentId();
        if (request.messageId() != null) {
            return messages.findById(request.messageId())
                    .chain(message -> message == null
                                    || !message.orgId.equals(orgId)
                                    || (request.conversationId() != null
                                            && !request.conversationId().equals(message.threadId))
                            ? Uni.createFrom()
                                    .failure(ApiException.notFound("message " + request.messageId() + " not found"))
                            : reached(caller, agentId, message.threadId)
                                    .chain(thread ->
                                            readMarks.markRead(orgId, userId, agentId, thread.id, message.seq)))
                    .map(ConversationRequests.Marked::new);
        }
        if (request.conversationId() != null) {
            return reached(caller, agentId, request.conversationId())
                    .chain(thread -> readMarks.markRead(orgId, userId, agentId, thread.id, null))
                    .map(ConversationRequests.Marked::new);
        }
        return readMarks.markRead(orgId, userId, agentId, null, null).map(ConversationRequests.Marked::new);
    }

    /** The agent's conversation if the caller reaches it (reads it, writes to it). */
    private Uni<ChatThread> reached(Caller caller, UUID agentId, String threadId) {
        return conversation(caller, agentId, threadId, caller::reaches);
    }

    /** The agent's conversation if the caller manages it (renames, deletes it). */
    private Uni<ChatThread> managed(Caller caller, UUID agentId, String threadId) {
        return conversation(caller, agentId, threadId, caller::manages);
    }

    private Uni<ChatThread> conversation(Caller caller, UUID agentId, String threadId, Predicate<ChatThread> allowed) {
        return threads.findInOrg(caller.orgId(), threadId).map(thread -> {
            if (thread == null || !thread.agentId.equals(agentId) || !allowed.test(thread)) {
                throw ApiException.notFound("conversation " + threadId + " not found");
            }
            return thread;
        });
    }
}
