package dev.switchboard.gateway.client.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * run-service's run JSON ({@code GET /internal/runs/{id}}, {@code POST /internal/runs/{id}/cancel}): its status,
 * answer, agent, usage, timings and {@code steps}, its tool calls oldest first. The answer to cancelling a run not
 * started yet carries only {@code runId} and {@code status} ({@code cancel_requested}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunView(
        String runId,
        String threadId,
        String status,
        String content,
        String model,
        String provider,
        Agent agent,
        Usage usage,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        String error,
        List<Step> steps) {

    /** The agent that ran. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agent(Long id, UUID uuid, String name, String handle) {}

    /** Token usage of the run. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(int inputTokens, int outputTokens) {}

    /** One tool call of the run; the times as run-service wrote them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(
            String toolName, JsonNode arguments, JsonNode result, String error, String startTime, String endTime) {}

    /** Whether this is a run (rather than the answer to cancelling a run id not started yet). */
    public boolean started() {
        return threadId != null;
    }
}
