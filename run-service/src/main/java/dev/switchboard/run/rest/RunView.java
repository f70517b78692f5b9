package dev.switchboard.run.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A run as the API shows it: the answer of {@code POST /internal/runs} and {@code GET /internal/runs/{id}};
 * {@code steps}: its tool calls ({@code toolName, arguments, result, error, startTime, endTime}), oldest first.
 */
public record RunView(
        UUID runId,
        String threadId,
        String status,
        String content,
        String model,
        String provider,
        AgentRef agent,
        Usage usage,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        JsonNode steps,
        @JsonInclude(JsonInclude.Include.NON_NULL) String errorCode) {

    /** The agent that ran. */
    public record AgentRef(long id, UUID uuid, String name, String handle) {}

    /** Token usage of the run (estimated by the offline provider). */
    public record Usage(int inputTokens, int outputTokens) {}
}
