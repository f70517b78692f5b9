package dev.switchboard.gateway.rest.threads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.client.run.RunView;
import dev.switchboard.gateway.client.thread.StartThread;
import java.time.Instant;

/**
 * Seed 002's answer to creating a thread, with its casing exactly: {@code run} in camelCase, {@code thread}
 * in snake_case. {@code attributed_user} is null when the thread is attributed to no one.
 */
public record CreatedThreadResponse(Links links, Run run, Thread thread) {

    public record Links(String thread) {}

    public record Run(String id, Instant createdAt, Instant startedAt, Instant completedAt, Instant updatedAt) {}

    public record UserRef(String id) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Thread(
            String id,
            @JsonProperty("agent_id") String agentId,
            @JsonProperty("attributed_user") UserRef attributedUser,
            @JsonProperty("client_external_ref") String clientExternalRef,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("created_by") UserRef createdBy,
            @JsonProperty("last_run_id") String lastRunId,
            String source,
            String title,
            @JsonProperty("updated_at") Instant updatedAt) {}

    /** The agent is named by its numeric id (its published id), in {@code agent_id} and in the link. */
    public static CreatedThreadResponse of(AgentView agent, StartThread.Started started, RunView run) {
        String agentId = Long.toString(agent.id());
        String threadId = started.thread().id();
        Instant runUpdated = run.completedAt() != null
                ? run.completedAt()
                : run.startedAt() != null ? run.startedAt() : run.createdAt();
        return new CreatedThreadResponse(
                new Links("/api/v1/agents/" + agentId + "/conversations/" + threadId),
                new Run(run.runId(), run.createdAt(), run.startedAt(), run.completedAt(), runUpdated),
                new Thread(
                        threadId,
                        agentId,
                        started.attributedUserId() == null ? null : new UserRef(started.attributedUserId()),
                        started.clientExternalRef(),
                        started.thread().createdAt(),
                        new UserRef(started.thread().createdBy()),
                        run.runId(),
                        started.source(),
                        started.thread().title(),
                        started.thread().updatedAt()));
    }
}
