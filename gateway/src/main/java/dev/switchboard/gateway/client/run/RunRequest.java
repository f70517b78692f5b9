package dev.switchboard.gateway.client.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * The body of run-service's {@code POST /internal/runs}: {@code threadMode} {@code new}, {@code existing}
 * (with {@code threadId}) or {@code current}; a null {@code model} means the agent's own. {@code userMessageId}
 * names a user message already stored in the thread (seeds 002 and 004), so that the run does not append it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRequest(
        UUID agentId,
        String threadMode,
        String threadId,
        String message,
        String model,
        UUID runId,
        String multitaskStrategy,
        String agent,
        String userMessageId) {

    public RunRequest(UUID agentId, String threadMode, String threadId, String message, String model) {
        this(agentId, threadMode, threadId, message, model, null, null, null, null);
    }

    /** The same run under an id the client chose (so it can cancel before the first byte). */
    public RunRequest withRunId(UUID id) {
        return new RunRequest(
                agentId, threadMode, threadId, message, model, id, multitaskStrategy, agent, userMessageId);
    }

    /** The same run with what to do if its thread has a run going ({@code null}: enqueue). */
    public RunRequest withStrategy(String strategy) {
        return new RunRequest(agentId, threadMode, threadId, message, model, runId, strategy, agent, userMessageId);
    }

    /**
     * A run of the agent as the client named it (numeric id, UUID or handle): run-service looks it up itself
     * (404 field {@code agent}), which saves the gateway a call. {@code threadId} null: the caller's current
     * conversation.
     */
    public static RunRequest ofAgent(String ref, String threadId, String message) {
        return new RunRequest(
                null, threadId == null ? "current" : "existing", threadId, message, null, null, null, ref, null);
    }

    public static RunRequest newThread(UUID agentId, String message, String model) {
        return new RunRequest(agentId, "new", null, message, model);
    }

    public static RunRequest existingThread(UUID agentId, String threadId, String message, String model) {
        return new RunRequest(agentId, "existing", threadId, message, model);
    }

    public static RunRequest currentThread(UUID agentId, String message, String model) {
        return new RunRequest(agentId, "current", null, message, model);
    }

    /**
     * A run answering the user message {@code userMessageId}, already stored in the thread by the gateway (seeds
     * 002 and 004): run-service does not append it again; the agent's own model answers.
     */
    public static RunRequest storedMessage(UUID agentId, String threadId, String message, String userMessageId) {
        return new RunRequest(agentId, "existing", threadId, message, null, null, null, null, userMessageId);
    }
}
