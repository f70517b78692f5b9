package dev.switchboard.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One run of an agent on a thread: the user's message in, the model's answer out. Identified by its {@link RunKey}. */
@Entity
@Table(name = "runs")
@IdClass(RunKey.class)
public class Run extends PanacheEntityBase {

    @Id
    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "agent_numeric_id", nullable = false)
    public long agentNumericId;

    @Column(name = "agent_name", nullable = false)
    public String agentName;

    @Column(name = "agent_handle")
    public String agentHandle;

    @Column(name = "thread_id", nullable = false)
    public String threadId;

    @Convert(converter = RunStatus.Column.class)
    @Column(nullable = false)
    public RunStatus status;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public String input;

    public String output;

    public String error;

    @Column(name = "input_tokens")
    public Integer inputTokens;

    @Column(name = "output_tokens")
    public Integer outputTokens;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public RunKey key() {
        return new RunKey(orgId, id);
    }

    /** Answered: the answer, its usage and tool calls. */
    public void complete(
            String output, int inputTokens, int outputTokens, String toolCalls, List<String> toolsUsed, Instant at) {
        answer(output, inputTokens, outputTokens, toolCalls, toolsUsed);
        end(RunStatus.COMPLETED, at);
    }

    /** The run's tool calls as JSON (an array of ToolSteps), null if it made none. */
    @Column(name = "tool_calls")
    public String toolCalls;

    /** The tool of each call, in order (a tool called twice is named twice). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tools_used", nullable = false, columnDefinition = "text[]")
    public String[] toolsUsed = new String[0];

    @Column(name = "cancel_requested_at")
    public Instant cancelRequestedAt;

    /** Why the run failed, as a code ({@code worker_lost}: the replica running it stopped), or null. */
    @Column(name = "error_code")
    public String errorCode;

    /** The user message the caller had stored in the thread before the run (seed 002), or null. */
    @Column(name = "user_message_id")
    public UUID userMessageId;

    /**
     * The caller's internal token while the run is going, so that a replica taking the run over (its own replica
     * died) can restart it or store its partial answer; cleared when the run ends.
     */
    @Column(name = "caller_authorization")
    public String callerAuthorization;

    /** Stopped on request: the answer so far is kept, with its usage and tool calls. */
    public void cancel(
            String partialOutput,
            int inputTokens,
            int outputTokens,
            String toolCalls,
            List<String> toolsUsed,
            Instant at) {
        answer(partialOutput, inputTokens, outputTokens, toolCalls, toolsUsed);
        end(RunStatus.CANCELLED, at);
    }

    public void fail(String error, Instant at) {
        this.error = error;
        end(RunStatus.FAILED, at);
    }

    /**
     * Failed because the replica running it stopped ({@code worker_lost}): what it had produced is kept like a
     * cancelled run's.
     */
    public void lose(String partialOutput, String toolCalls, List<String> toolsUsed, String error, Instant at) {
        this.output = partialOutput;
        this.toolCalls = toolCalls;
        this.toolsUsed = toolsUsed.toArray(String[]::new);
        this.errorCode = WORKER_LOST;
        fail(error, at);
    }

    public static final String WORKER_LOST = "worker_lost";

    private void answer(String output, int inputTokens, int outputTokens, String toolCalls, List<String> toolsUsed) {
        this.output = output;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.toolCalls = toolCalls;
        this.toolsUsed = toolsUsed.toArray(String[]::new);
    }

    private void end(RunStatus status, Instant at) {
        this.status = status;
        this.callerAuthorization = null;
        this.completedAt = at;
        this.updatedAt = at;
    }
}
