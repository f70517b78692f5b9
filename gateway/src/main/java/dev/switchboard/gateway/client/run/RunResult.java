package dev.switchboard.gateway.client.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The fields of run-service's run result the gateway reads: the run completed before it answered. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunResult(
        String runId,
        String threadId,
        String status,
        String content,
        String model,
        Agent agent,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {

    /** The agent that ran (present on a finished run's answer). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agent(long id, String name, String handle) {

        /** The handle, else the numeric id: how the public API names the agent. */
        public String publicRef() {
            return handle != null && !handle.isBlank() ? handle : Long.toString(id);
        }
    }
}
