package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** Body of thread-service's {@code POST /internal/threads/with-message}: a thread with its first user message. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartThread(
        UUID agentId,
        long agentNumericId,
        String content,
        List<String> fileIds,
        String clientExternalRef,
        String attributedUserId,
        String source) {

    /** thread-service's answer: the thread, its first message and how it came to be. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Started(
            ThreadView thread,
            MessageView message,
            List<String> fileIds,
            String source,
            String clientExternalRef,
            String attributedUserId) {}
}
