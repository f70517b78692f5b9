package dev.switchboard.thread.service;

import dev.switchboard.platform.web.Timestamps;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.ChatThread;
import dev.switchboard.thread.MessageRole;
import dev.switchboard.thread.ThreadMessage;
import dev.switchboard.thread.repository.MessageRepository;
import dev.switchboard.thread.repository.ThreadRepository;
import dev.switchboard.thread.rest.AppendMessageRequest;
import dev.switchboard.thread.rest.CreateThreadRequest;
import dev.switchboard.thread.rest.MessageListResponse;
import dev.switchboard.thread.rest.MessageResponse;
import dev.switchboard.thread.rest.ThreadResponse;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Threads and their messages, within the caller's organisation: a member reaches the threads they take part in, an
 * admin or a service key every thread of the organisation; any other thread answers as one that does not exist.
 */
@ApplicationScoped
public class ThreadService {

    /** An appended message and whether this call created it (false: the same id was appended before). */
    public record Appended(MessageResponse message, boolean created) {}

    private final ThreadRepository threads;
    private final MessageRepository messages;
    private final ThreadMapper mapper;

    ThreadService(ThreadRepository threads, MessageRepository messages, ThreadMapper mapper) {
        this.threads = threads;
        this.messages = messages;
        this.mapper = mapper;
    }

    @WithTransaction
    public Uni<ThreadResponse> create(String orgId, String userId, CreateThreadRequest request) {
        ChatThread thread = ChatThread.start(orgId, request.agentId(), request.agentNumericId(), userId, Instant.now());
        return threads.persist(thread).map(mapper::toResponse);
    }

    /**
     * The caller's current thread with the agent. Concurrent first requests race for the (org, user, agent)
     * slot before any thread row exists; the winner inserts its thread, the others read the winner's, so
     * exactly one thread is created.
     */
    @WithTransaction
    public Uni<ThreadResponse> current(String orgId, String userId, CreateThreadRequest request) {
        return threads.findCurrent(orgId, userId, request.agentId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(mapper.toResponse(existing));
            }
            ChatThread mine =
                    ChatThread.start(orgId, request.agentId(), request.agentNumericId(), userId, Instant.now());
            return threads.claimCurrent(orgId, userId, request.agentId(), mine.id)
                    .chain(winner -> winner.equals(mine.id) ? threads.persist(mine) : threads.findInOrg(orgId, winner))
                    .map(mapper::toResponse);
        });
    }

    @WithSession
    public Uni<ThreadResponse> get(Caller caller, String threadId) {
        return find(caller, threadId).map(mapper::toResponse);
    }

    @WithSession
    public Uni<MessageListResponse> messages(Caller caller, String threadId, int limit) {
        return find(caller, threadId)
                .chain(thread -> messages.newest(thread.id, limit))
                .map(mapper::toList);
    }

    @WithSession
    public Uni<MessageListResponse> currentMessages(String orgId, String userId, UUID agentId, int limit) {
        return threads.findCurrent(orgId, userId, agentId)
                .chain(thread -> thread == null
                        ? Uni.createFrom().item(List.<ThreadMessage>of())
                        : messages.newest(thread.id, limit))
                .map(mapper::toList);
    }

    @WithTransaction
    public Uni<Appended> append(Caller caller, String threadId, AppendMessageRequest request) {
        MessageRole role = MessageRole.parse(request.role())
                .orElseThrow(() -> ApiException.invalid("role must be one of: user, assistant, system", "role"));
        String orgId = caller.orgId();
        String userId = caller.userId();
        return find(caller, threadId).chain(thread -> {
            ThreadMessage m = new ThreadMessage();
            m.id = request.id();
            m.threadId = thread.id;
            m.orgId = orgId;
            m.role = role.wire();
            m.content = request.content();
            m.userId = role == MessageRole.USER ? userId : null;
            m.runId = request.runId();
            m.createdAt = Timestamps.now();
            MessageDetails.apply(request, m);
            return messages.insertIfAbsent(m)
                    .chain(created -> messages.findById(m.id).map(stored -> {
                        if (!stored.threadId.equals(thread.id) || !stored.orgId.equals(orgId)) {
                            throw ApiException.conflict(
                                    "message id " + m.id + " is already used by another message", "id");
                        }
                        return new Appended(mapper.toResponse(stored), created);
                    }));
        });
    }

    /**
     * Adds a user to the thread's participants (they then reach it as its creator does), or removes one (never the
     * creator). Only the thread's creator, an admin or a service key changes them: another participant is 403.
     */
    @WithTransaction
    public Uni<ThreadResponse> participant(Caller caller, String threadId, String userId, boolean add) {
        return threads.lockInOrg(caller.orgId(), threadId)
                .map(thread -> thread != null && caller.reaches(thread) ? thread : null)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("thread " + threadId + " not found"))
                .map(thread -> {
                    if (!caller.manages(thread)) {
                        throw new ApiException(
                                403,
                                "permission_denied",
                                "only the thread's creator or an "
                                        + "organisation admin may change who takes part in it",
                                null);
                    }
                    if (add) {
                        thread.addParticipant(userId);
                    } else if (userId.equals(thread.createdBy)) {
                        throw ApiException.invalid("the creator of a thread always takes part in it", "userId");
                    } else {
                        thread.removeParticipant(userId);
                    }
                    return mapper.toResponse(thread);
                });
    }

    /** The thread if the caller reaches it; 404 otherwise, as for a thread that does not exist. */
    private Uni<ChatThread> find(Caller caller, String threadId) {
        return threads.reachableBy(caller, threadId)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("thread " + threadId + " not found"));
    }
}
