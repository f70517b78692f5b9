package dev.switchboard.run.stream;

import dev.switchboard.run.RunKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays a run's stream after a sequence number, then follows it live until its terminal event: from the
 * running execution itself on the replica that runs it, else from the {@link RunEventLog}, reading new events as
 * the run writes them. The same events on every replica.
 */
@ApplicationScoped
public class RunStreamReader {

    static final Duration FOLLOW_EVERY = Duration.ofMillis(100);

    private final RunEventLog log;
    private final RunExecutions executions;

    public RunStreamReader(RunEventLog log, RunExecutions executions) {
        this.log = log;
        this.executions = executions;
    }

    /** From memory when the run executes on this replica, else from the log. */
    public Multi<StreamEvent> since(RunKey runId, int seq) {
        RunStreamWriter local = executions.streamHere(runId);
        return local != null ? local.follow(seq) : fromLog(runId, seq);
    }

    private Multi<StreamEvent> fromLog(RunKey runId, int seq) {
        AtomicInteger last = new AtomicInteger(seq);
        AtomicInteger reads = new AtomicInteger();
        return Multi.createBy()
                .repeating()
                .uni(() -> (reads.getAndIncrement() == 0
                                ? Uni.createFrom().voidItem()
                                : Uni.createFrom().voidItem().onItem().delayIt().by(FOLLOW_EVERY))
                        .chain(() -> log.since(runId, last.get()))
                        .invoke(batch -> {
                            if (!batch.isEmpty()) {
                                last.set(batch.get(batch.size() - 1).seq());
                            }
                        }))
                .whilst(batch -> batch.stream().noneMatch(StreamEvent::terminal))
                .onItem()
                .disjoint();
    }
}
