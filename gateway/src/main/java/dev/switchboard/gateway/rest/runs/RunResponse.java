package dev.switchboard.gateway.rest.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.client.run.RunView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run in the public API (snake_case): status ({@code queued}, {@code in_progress}, {@code completed},
 * {@code failed}, {@code cancelled}), the answer so far, the agent, token usage, timings, {@code error} (only when
 * it failed) and {@code steps}, its tool calls oldest first in seed 004's tool call shape.
 */
public record RunResponse(
        String id,
        @JsonProperty("thread_id") String threadId,
        String status,
        String content,
        String model,
        String provider,
        Agent agent,
        Usage usage,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        List<Step> steps) {

    /** The agent that ran: its numeric id, UUID, name and handle. */
    public record Agent(Long id, UUID uuid, String name, String handle) {}

    public record Usage(
            @JsonProperty("input_tokens") int inputTokens,
            @JsonProperty("output_tokens") int outputTokens) {}

    /** One tool call, as seed 004's {@code tool_calls} show it. */
    public record Step(
            @JsonProperty("tool_name") String toolName,
            JsonNode arguments,
            JsonNode result,
            String error,
            @JsonProperty("start_time") String startTime,
            @JsonProperty("end_time") String endTime) {}

    /** {@code {"id", "status": "cancel_requested"}}: a cancel that came before the run started. */
    public record CancelRequested(String id, String status) {}

    static RunResponse of(RunView run) {
        RunView.Agent agent = run.agent();
        RunView.Usage usage = run.usage();
        return new RunResponse(
                run.runId(),
                run.threadId(),
                run.status(),
                run.content(),
                run.model(),
                run.provider(),
                agent == null ? null : new Agent(agent.id(), agent.uuid(), agent.name(), agent.handle()),
                usage == null ? null : new Usage(usage.inputTokens(), usage.outputTokens()),
                run.createdAt(),
                run.startedAt(),
                run.completedAt(),
                run.error(),
                run.steps() == null
                        ? List.of()
                        : run.steps().stream()
                                .map(s -> new Step(
                                        s.toolName(), s.arguments(), s.result(), s.error(), s.startTime(), s.endTime()))
                                .toList());
    }
}
