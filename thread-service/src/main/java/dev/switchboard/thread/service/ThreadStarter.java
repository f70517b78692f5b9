package dev.switchboard.thread.service;

import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.ChatThread;
import dev.switchboard.thread.FileIds;
import dev.switchboard.thread.MessageRole;
import dev.switchboard.thread.ThreadMessage;
import dev.switchboard.thread.ThreadOrigin;
import dev.switchboard.thread.ThreadTitles;
import dev.switchboard.thread.config.FilesConfig;
import dev.switchboard.thread.config.ThreadsConfig;
import dev.switchboard.thread.repository.FileRepository;
import dev.switchboard.thread.repository.MessageRepository;
import dev.switchboard.thread.repository.ThreadOriginRepository;
import dev.switchboard.thread.repository.ThreadRepository;
import dev.switchboard.thread.rest.StartThreadRequest;
import dev.switchboard.thread.rest.StartedThreadResponse;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates a thread together with its first user message and the files it attaches, in one transaction
 * (seed 002). The title and first message are set at once from the message, as the summary projector would.
 */
@ApplicationScoped
public class ThreadStarter {

    static final String DEFAULT_SOURCE = "api";

    private final ThreadRepository threads;
    private final MessageRepository messages;
    private final ThreadOriginRepository origins;
    private final FileRepository files;
    private final ThreadMapper mapper;
    private final ThreadsConfig threadsConfig;
    private final FilesConfig filesConfig;

    ThreadStarter(
            ThreadRepository threads,
            MessageRepository messages,
            ThreadOriginRepository origins,
            FileRepository files,
            ThreadMapper mapper,
            ThreadsConfig threadsConfig,
            FilesConfig filesConfig) {
        this.threads = threads;
        this.messages = messages;
        this.origins = origins;
        this.files = files;
        this.mapper = mapper;
        this.threadsConfig = threadsConfig;
        this.filesConfig = filesConfig;
    }

    @WithTransaction
    public Uni<StartedThreadResponse> start(String orgId, String userId, StartThreadRequest request) {
        List<String> fileIds = checkFileIds(request.fileIdsOrEmpty());
        return requireOwnedFiles(orgId, userId, request.fileIdsOrEmpty()).chain(() -> {
            Instant now = Instant.now();
            ChatThread thread = ChatThread.start(orgId, request.agentId(), request.agentNumericId(), userId, now);
            thread.firstMessage = request.content();
            thread.title = ThreadTitles.fromFirstMessage(request.content(), threadsConfig.titleLength());
            // the user a thread is attributed to takes part in it: a member reaches it like one they created
            thread.addParticipant(request.attributedUserId());
            ThreadOrigin origin = new ThreadOrigin();
            origin.threadId = thread.id;
            origin.source = request.source() == null ? DEFAULT_SOURCE : request.source();
            origin.clientExternalRef = request.clientExternalRef();
            origin.attributedUserId = request.attributedUserId();
            ThreadMessage message = new ThreadMessage();
            message.id = UUID.randomUUID();
            message.threadId = thread.id;
            message.orgId = orgId;
            message.role = MessageRole.USER.wire();
            message.content = request.content();
            message.userId = userId;
            message.createdAt = thread.createdAt;
            return threads.persist(thread)
                    .call(() -> origins.persist(origin))
                    .call(() -> messages.persist(message))
                    .call(() -> messages.flush())
                    .call(() -> files.attach(message.id, fileIds))
                    .map(ignored -> new StartedThreadResponse(
                            mapper.toResponse(thread),
                            mapper.toResponse(message),
                            fileIds,
                            origin.source,
                            origin.clientExternalRef,
                            origin.attributedUserId));
        });
    }

    /** Well-formed, at most the configured number, each once (a repeated id is attached once). */
    private List<String> checkFileIds(List<String> fileIds) {
        if (fileIds.size() > filesConfig.maxPerMessage()) {
            throw ApiException.invalid(
                    "a message may attach at most " + filesConfig.maxPerMessage() + " files", "fileIds");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < fileIds.size(); i++) {
            String id = fileIds.get(i);
            if (!FileIds.isWellFormed(id)) {
                throw ApiException.invalid(
                        "fileIds[" + i + "] must be a file id (file_ and 26 characters)", "fileIds[" + i + "]");
            }
            unique.add(id);
        }
        return List.copyOf(unique);
    }

    /** Every file must be the caller's own (same org and user); the first that is not answers 404. */
    private Uni<Void> requireOwnedFiles(String orgId, String userId, List<String> fileIds) {
        if (fileIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return files.findOwned(orgId, userId, Set.copyOf(fileIds))
                .invoke(found -> {
                    Set<String> owned = found.stream().map(f -> f.id).collect(Collectors.toSet());
                    for (int i = 0; i < fileIds.size(); i++) {
                        if (!owned.contains(fileIds.get(i))) {
                            throw new ApiException(
                                    404, "not_found", "file " + fileIds.get(i) + " not found", "fileIds[" + i + "]");
                        }
                    }
                })
                .replaceWithVoid();
    }
}
