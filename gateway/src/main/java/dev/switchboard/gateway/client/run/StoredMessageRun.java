package dev.switchboard.gateway.client.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Body of run-service's {@code POST /internal/runs} for a user message already stored in the thread
 * ({@code userMessageId}), so that the run does not append it again (seed 002).
 */
public record StoredMessageRun(UUID agentId, String threadMode, String threadId, String message,
        String userMessageId) {

    public static StoredMessageRun of(UUID agentId, String threadId, String message, String userMessageId) {
        return new StoredMessageRun(agentId, "existing", threadId, message, userMessageId);
    }

    /** The fields of the run result seed 002 shows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String runId, String threadId, String status, Instant createdAt, Instant startedAt,
            Instant completedAt) {
    }
}
