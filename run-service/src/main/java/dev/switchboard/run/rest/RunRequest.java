package dev.switchboard.run.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The body of {@code POST /internal/runs}. {@code userMessageId}: the user message is already in the thread under
 * that id (seed 002 stores it with the thread), so the run does not append it again. {@code runId}: the id the
 * caller chose for the run, so it can cancel it before the first byte of the answer (409 if taken).
 * {@code multitaskStrategy}: what to do when the thread has a run going ({@code enqueue} by default; see
 * ThreadTurns). The agent: {@code agentId} (its UUID) or {@code agent} (its numeric id, UUID or handle, as the
 * gateway's caller named it, which saves the gateway a lookup); one of the two is required.
 */
public record RunRequest(
        UUID agentId,

        @NotNull(message = "threadMode is required; one of: new, existing, current")
        @Pattern(regexp = "new|existing|current", message = "threadMode must be one of: new, existing, current")
        String threadMode,

        @Size(min = 1, max = 200, message = "threadId must be 1-200 characters")
        String threadId,

        @NotNull(message = "message is required")
        @Size(min = 1, max = 100_000, message = "message must be 1-100000 characters")
        String message,

        @Size(min = 1, max = 100, message = "model must be 1-100 characters")
        String model,

        UUID userMessageId,
        UUID runId,

        @Pattern(
                regexp = "enqueue|reject|interrupt",
                message = "multitaskStrategy must be one of: enqueue, reject, interrupt")
        String multitaskStrategy,

        @Size(min = 1, max = 200, message = "agent must be 1-200 characters")
        String agent) {

    public RunRequest(UUID agentId, String threadMode, String threadId, String message, String model) {
        this(agentId, threadMode, threadId, message, model, null, null, null, null);
    }

    public RunRequest(
            UUID agentId, String threadMode, String threadId, String message, String model, UUID userMessageId) {
        this(agentId, threadMode, threadId, message, model, userMessageId, null, null, null);
    }

    /** The agent by {@code agentId}, else by {@code agent} (its numeric id, UUID or handle, as a caller names it). */
    public String agentRef() {
        return agentId != null ? agentId.toString() : agent;
    }

    /** The field a missing agent is reported on. */
    public String agentField() {
        return agentId != null || agent == null ? "agentId" : "agent";
    }
}
