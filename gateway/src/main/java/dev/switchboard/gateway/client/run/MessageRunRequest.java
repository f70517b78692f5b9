package dev.switchboard.gateway.client.run;

import java.util.UUID;

/**
 * The body of run-service's {@code POST /internal/runs} for a user message the gateway stored first (seed 004):
 * {@code userMessageId} tells run-service not to append it again; the agent's own model answers.
 */
public record MessageRunRequest(UUID agentId, String threadMode, String threadId, String message,
        UUID userMessageId) {

    public static MessageRunRequest existingThread(UUID agentId, String threadId, String message,
            UUID userMessageId) {
        return new MessageRunRequest(agentId, "existing", threadId, message, userMessageId);
    }
}
