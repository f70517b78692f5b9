package dev.switchboard.run.lease;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * This replica of run-service: its instance id (a random UUID per start, the {@code owner} of the runs it executes)
 * and whether it is shutting down ({@link #drain}: new runs are refused, the sweeper takes no more runs over).
 */
@ApplicationScoped
public class RunReplica {

    private static final Logger LOG = Logger.getLogger(RunReplica.class);

    private final String id = UUID.randomUUID().toString();
    private volatile Instant drainingSince;

    void started(@Observes StartupEvent event) {
        LOG.infof("run-service replica %s: runs executed here are leased to this id", id);
    }

    public String id() {
        return id;
    }

    /** Starts draining (idempotent): from now on new runs are refused. */
    public void drain() {
        synchronized (this) {
            if (drainingSince == null) {
                drainingSince = Instant.now();
                LOG.infof("run-service replica %s is shutting down: new runs are refused", id);
            }
        }
    }

    public boolean draining() {
        return drainingSince != null;
    }

    /** When draining began, or null. */
    public Instant drainingSince() {
        return drainingSince;
    }
}
