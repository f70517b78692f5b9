package dev.switchboard.run.event;

import dev.switchboard.run.Run;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code data} of every run event (schema {@code run.*.v1}). */
public record RunEventData(
        String orgId,
        UUID runId,
        String threadId,
        UUID agentId,
        long agentNumericId,
        String userId,
        String model,
        String provider,
        String status,
        Usage usage,
        List<String> toolsUsed,
        Instant startedAt,
        Instant completedAt,
        String error) {

    /** Token usage; zero until the run completes. */
    public record Usage(int inputTokens, int outputTokens) {}

    public static RunEventData of(Run run) {
        return new RunEventData(
                run.orgId,
                run.id,
                run.threadId,
                run.agentId,
                run.agentNumericId,
                run.userId,
                run.model,
                run.provider,
                run.status.value(),
                new Usage(zeroIfNull(run.inputTokens), zeroIfNull(run.outputTokens)),
                run.toolsUsed == null ? List.of() : List.of(run.toolsUsed),
                run.startedAt,
                run.completedAt,
                run.error);
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
