package dev.switchboard.run.stream;

import dev.switchboard.run.config.RunsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deletes stream events older than {@code switchboard.runs.stream.retention} (7 days by default), hourly. */
@ApplicationScoped
public class StreamRetention {

    private static final Logger LOG = Logger.getLogger(StreamRetention.class);
    static final Duration MINIMUM = Duration.ofDays(1);

    private final RunEventLog log;
    private final Duration retention;

    public StreamRetention(RunEventLog log, RunsConfig config) {
        this.log = log;
        this.retention = config.stream().retention().compareTo(MINIMUM) < 0
                ? MINIMUM
                : config.stream().retention();
    }

    @Scheduled(every = "1h", delayed = "5m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return sweep(Instant.now())
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d stream events older than %s", deleted, retention);
                    }
                })
                .replaceWithVoid();
    }

    /** Deletes what was written before {@code now} minus the retention; how many events went. */
    public Uni<Integer> sweep(Instant now) {
        return log.deleteBefore(now.minus(retention));
    }
}
