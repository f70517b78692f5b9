package dev.switchboard.gateway.client.run;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.ToolCallView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run: run-service's run JSON as the gateway reads it (camelCase: the answer of {@code POST /internal/runs},
 * {@code GET /internal/runs/{id}} and {@code POST /internal/runs/{id}/cancel}), and the run as
 * {@code GET /api/v1/runs/{id}} answers it (snake_case): status ({@code queued}, {@code in_progress},
 * {@code completed}, {@code failed}, {@code cancelled}), the answer so far, the agent, token usage, timings,
 * {@code error} and {@code error_code} (only when it failed; {@code worker_lost}: the replica running it
 * stopped) and {@code steps}, its tool calls oldest first in seed 004's tool call shape.
 * The answer to cancelling a run not started yet carries only {@code runId} and {@code status}
 * ({@code cancel_requested}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunView(
        @JsonProperty("id") @JsonAlias("runId") String runId,
        @JsonProperty("thread_id") @JsonAlias("threadId") String threadId,
        String status,
        String content,
        String model,
        String provider,
        Agent agent,
        Usage usage,
        @JsonProperty("created_at") @JsonAlias("createdAt") Instant createdAt,
        @JsonProperty("started_at") @JsonAlias("startedAt") Instant startedAt,

        @JsonProperty("completed_at") @JsonAlias("completedAt")
        Instant completedAt,

        @JsonInclude(JsonInclude.Include.NON_NULL) String error,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("error_code") @JsonAlias("errorCode")
        String errorCode,

        List<ToolCallView> steps) {

    /** The error code of a run whose run-service replica stopped before it ended. */
    public static final String WORKER_LOST = "worker_lost";

    public RunView {
        steps = steps == null ? List.of() : steps;
    }

    /** The agent that ran: its numeric id, UUID, name and handle. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agent(Long id, UUID uuid, String name, String handle) {

        /** The handle, else the numeric id: how the public API names the agent. */
        public String publicRef() {
            return handle != null && !handle.isBlank() ? handle : String.valueOf(id);
        }
    }

    /** Token usage of the run. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(
            @JsonProperty("input_tokens") @JsonAlias("inputTokens")
            int inputTokens,

            @JsonProperty("output_tokens") @JsonAlias("outputTokens")
            int outputTokens) {}

    /** Whether the run reached its end: completed, failed or cancelled. */
    public boolean ended() {
        return "completed".equals(status) || "failed".equals(status) || "cancelled".equals(status);
    }

    /** Whether this is a run (rather than the answer to cancelling a run id not started yet). */
    public boolean started() {
        return threadId != null;
    }
}
