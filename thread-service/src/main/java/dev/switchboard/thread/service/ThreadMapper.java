package dev.switchboard.thread.service;

import dev.switchboard.thread.ChatThread;
import dev.switchboard.thread.ThreadMessage;
import dev.switchboard.thread.rest.MessageListResponse;
import dev.switchboard.thread.rest.MessageResponse;
import dev.switchboard.thread.rest.ThreadResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Entities to API records; entities never leave the service layer. */
@ApplicationScoped
public class ThreadMapper {

    public ThreadResponse toResponse(ChatThread t) {
        return new ThreadResponse(
                t.id,
                t.agentId,
                t.agentNumericId,
                t.title,
                t.firstMessage,
                t.messageCount,
                List.of(t.userIds),
                t.createdBy,
                t.createdAt,
                t.updatedAt);
    }

    public MessageResponse toResponse(ThreadMessage m) {
        return new MessageResponse(
                m.id,
                m.threadId,
                m.role,
                m.content,
                m.userId,
                m.runId,
                m.createdAt,
                m.contentHtml,
                MessageDetails.read(m.metadata),
                MessageDetails.read(m.attachments),
                MessageDetails.read(m.toolCalls));
    }

    public MessageListResponse toList(List<ThreadMessage> messages) {
        return new MessageListResponse(messages.stream().map(this::toResponse).toList());
    }
}
