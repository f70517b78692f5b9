package dev.switchboard.thread.service;

import dev.switchboard.thread.ChatThread;
import dev.switchboard.thread.MessageRole;
import dev.switchboard.thread.ThreadMessage;
import dev.switchboard.thread.repository.MessageRepository;
import dev.switchboard.thread.repository.ThreadRepository;
import dev.switchboard.thread.rest.ApiException;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Threads and their messages, within the caller's organisation. */
@ApplicationScoped
public class ThreadService {

    /** An appended message and whether this call created it (false: the same id was appended before). */
    public record Appended(MessageResponse message, boolean created) {
    }

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
            ChatThread mine = ChatThread.start(orgId, request.agentId(), request.agentNumericId(), userId,
                    Instant.now());
            return threads.claimCurrent(orgId, userId, request.agentId(), mine.id)
                    .chain(winner -> winner.equals(mine.id)
                            ? threads.persist(mine)
                            : threads.findInOrg(orgId, winner))
                    .map(mapper::toResponse);
        });
    }

    @WithSession
    public Uni<ThreadResponse> get(String orgId, String threadId) {
        return find(orgId, threadId).map(mapper::toResponse);
    }

    @WithSession
    public Uni<MessageListResponse> messages(String orgId, String threadId, int limit) {
        return find(orgId, threadId).chain(thread -> messages.newest(thread.id, limit)).map(mapper::toList);
    }

    @WithSession
    public Uni<MessageListResponse> currentMessages(String orgId, String userId, UUID agentId, int limit) {
        return threads.findCurrent(orgId, userId, agentId).chain(thread -> thread == null
                        ? Uni.createFrom().item(List.<ThreadMessage>of())
                        : messages.newest(thread.id, limit))
                .map(mapper::toList);
    }

    @WithTransaction
    public Uni<Appended> append(String orgId, String userId, String threadId, AppendMessageRequest request) {
        MessageRole role = MessageRole.parse(request.role()).orElseThrow(() -> ApiException.invalid(
                "role must be one of: user, assistant, system", "role"));
        return find(orgId, threadId).chain(thread -> {
            ThreadMessage m = new ThreadMessage();
            m.id = request.id();
            m.threadId = thread.id;
            m.orgId = orgId;
            m.role = role.wire();
            m.content = request.content();
            m.userId = role == MessageRole.USER ? userId : null;
            m.runId = request.runId();
            m.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            MessageDetails.apply(request, m);
            return messages.insertIfAbsent(m).chain(created -> messages.findById(m.id).map(stored -> {
                if (!stored.threadId.equals(thread.id) || !stored.orgId.equals(orgId)) {
                    throw ApiException.conflict("message id " + m.id + " is already used by another message", "id");
                }
                return new Appended(mapper.toResponse(stored), created);
            }));
        });
    }

    private Uni<ChatThread> find(String orgId, String threadId) {
        return threads.findInOrg(orgId, threadId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("thread " + threadId + " not found"));
    }
}
