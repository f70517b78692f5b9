package dev.switchboard.run.lease;

import dev.switchboard.run.RunKey;
import dev.switchboard.run.config.RunsConfig;
import dev.switchboard.run.stream.RunExecutions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drains this replica on SIGTERM: from the signal on, new runs are refused (503 {@code unavailable} with
 * {@code Retry-After}, {@code DrainFilter}) and the sweeper takes no run over; the runs executing here get until
 * {@code quarkus.shutdown.timeout} (counted from the signal) to end, their leases still refreshed; those still going
 * then are released (their lease expired at once) so that the sweeper of a live replica takes them over within its
 * interval: restarted there if the model had produced nothing, else ended {@code worker_lost} with their partial
 * answer and a final {@code error} event in their stream.
 */
@ApplicationScoped
public class RunDrain {

    private static final Logger LOG = Logger.getLogger(RunDrain.class);
    /** Left of the shutdown timeout for releasing the runs still going before Quarkus stops. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private static final Duration POLL = Duration.ofMillis(100);

    private final RunReplica replica;
    private final RunExecutions executions;
    private final RunLeases leases;
    private final Duration timeout;
    private final Duration heartbeatInterval;

    public RunDrain(
            RunReplica replica,
            RunExecutions executions,
            RunLeases leases,
            RunsConfig config,
            @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "30s") Duration timeout) {
        this.replica = replica;
        this.executions = executions;
        this.leases = leases;
        this.timeout = timeout;
        this.heartbeatInterval = config.heartbeatInterval();
    }

    /**
     * The signal is seen at once by a JVM shutdown hook (it runs alongside Quarkus's own), so that runs are refused
     * from the start of the graceful shutdown, while Quarkus still waits for open requests.
     */
    void started(@Observes StartupEvent event) {
        Runtime.getRuntime().addShutdownHook(new Thread(replica::drain, "run-service-drain"));
    }

    /** Quarkus stops the application after this: wait for the runs here, then hand over the rest. */
    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        replica.drain();
        Instant deadline = replica.drainingSince().plus(timeout).minus(MARGIN);
        Instant nextHeartbeat = Instant.now().plus(heartbeatInterval);
        Set<RunKey> going = executions.executing();
        if (!going.isEmpty()) {
            LOG.infof(
                    "draining: waiting up to %s for %d runs to end",
                    Duration.between(Instant.now(), deadline), going.size());
        }
        while (!going.isEmpty() && Instant.now().isBefore(deadline)) {
            if (!Instant.now().isBefore(nextHeartbeat)) {
                // the scheduler may have stopped already: the runs still going keep their lease
                leases.heartbeat(going).await().atMost(heartbeatInterval);
                nextHeartbeat = Instant.now().plus(heartbeatInterval);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            going = executions.executing();
        }
        if (going.isEmpty()) {
            return;
        }
        try {
            int released = leases.release(going).await().atMost(MARGIN);
            LOG.warnf("draining: %d runs still going handed over to another replica", released);
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "draining: %d runs could not be handed over; another replica takes them over once their "
                            + "lease runs out",
                    going.size());
        }
    }
}
