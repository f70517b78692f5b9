package dev.switchboard.thread.service;

import dev.switchboard.platform.web.Timestamps;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.FeedbackType;
import dev.switchboard.thread.MessageFeedback;
import dev.switchboard.thread.MessageRole;
import dev.switchboard.thread.ThreadMessage;
import dev.switchboard.thread.repository.FeedbackRepository;
import dev.switchboard.thread.repository.MessageRepository;
import dev.switchboard.thread.repository.ThreadRepository;
import dev.switchboard.thread.rest.FeedbackRequest;
import dev.switchboard.thread.rest.FeedbackResponse;
import dev.switchboard.thread.rest.MessageDetailsResponse;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** One message read with the caller's feedback, and feedback given on assistant messages (seed 004). */
@ApplicationScoped
public class MessageFeedbackService {

    /** Feedback as stored, and whether this call created it (false: it updated the caller's earlier feedback). */
    public record Given(FeedbackResponse feedback, boolean created) {}

    private final ThreadRepository threads;
    private final MessageRepository messages;
    private final FeedbackRepository feedback;
    private final ThreadMapper mapper;

    MessageFeedbackService(
            ThreadRepository threads, MessageRepository messages, FeedbackRepository feedback, ThreadMapper mapper) {
        this.threads = threads;
        this.messages = messages;
        this.feedback = feedback;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<MessageDetailsResponse> get(Caller caller, String threadId, UUID messageId) {
        return find(caller, threadId, messageId)
                .chain(m -> feedback.findByUser(m.id, caller.userId())
                        .map(f -> new MessageDetailsResponse(mapper.toResponse(m), f == null ? null : toResponse(f))));
    }

    @WithTransaction
    public Uni<Given> give(Caller caller, String threadId, UUID messageId, FeedbackRequest request) {
        String orgId = caller.orgId();
        String userId = caller.userId();
        if (!FeedbackType.isValid(request.feedbackType())) {
            throw ApiException.invalid(
                    "feedbackType must be one of: " + String.join(", ", FeedbackType.WIRE), "feedbackType");
        }
        return find(caller, threadId, messageId).chain(m -> {
            if (!MessageRole.ASSISTANT.wire().equals(m.role)) {
                throw ApiException.invalid("feedback can only be given on an assistant message", "messageId");
            }
            return messages.userMessageBefore(m.threadId, m.seq).chain(question -> {
                Instant now = Timestamps.now();
                MessageFeedback f = new MessageFeedback();
                f.id = UUID.randomUUID();
                f.orgId = orgId;
                f.userId = userId;
                f.threadId = m.threadId;
                f.messageId = m.id;
                f.humanMessageId = question == null ? null : question.id;
                f.runId = m.runId;
                f.feedbackType = request.feedbackType();
                f.issueType = request.issueType();
                f.comment = request.comment();
                f.createdAt = now;
                f.updatedAt = now;
                return feedback.upsert(f)
                        .chain(() -> feedback.findByUser(m.id, userId))
                        .map(stored -> new Given(toResponse(stored), stored.id.equals(f.id)));
            });
        });
    }

    private Uni<ThreadMessage> find(Caller caller, String threadId, UUID messageId) {
        return threads.reachableBy(caller, threadId)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("thread " + threadId + " not found"))
                .chain(thread -> messages.findInThread(thread.id, messageId))
                .onItem()
                .ifNull()
                .failWith(() -> new ApiException(404, "not_found", "message " + messageId + " not found", "messageId"));
    }

    private static FeedbackResponse toResponse(MessageFeedback f) {
        return new FeedbackResponse(
                f.id,
                f.threadId,
                f.messageId,
                f.humanMessageId,
                f.runId,
                f.userId,
                f.orgId,
                f.feedbackType,
                f.issueType,
                f.comment,
                f.createdAt,
                f.updatedAt);
    }
}
