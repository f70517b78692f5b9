package dev.switchboard.thread.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.thread.service.ThreadSummaryProjector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The thin messaging facade over {@link ThreadSummaryProjector}: reads {@code run-events}, retries a failed
 * projection a few times with backoff, and never lets one bad record block the partition.
 */
@ApplicationScoped
public class RunEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RunEventsConsumer.class);

    private final ThreadSummaryProjector projector;
    private final ObjectMapper json;

    RunEventsConsumer(ThreadSummaryProjector projector, ObjectMapper json) {
        this.projector = projector;
        this.json = json;
    }

    @Incoming("run-events")
    public Uni<Void> consume(String payload) {
        return RunEvent.parse(json, payload)
                .map(event -> Uni.createFrom()
                        .deferred(() -> projector.apply(event))
                        .onFailure()
                        .retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                        .atMost(5)
                        .onItem()
                        .invoke(outcome -> LOG.debugf(
                                "run event %s (%s) on thread %s: %s",
                                event.id(), event.type(), event.threadId(), outcome))
                        .onFailure()
                        .invoke(e -> LOG.errorf(
                                e, "could not apply run event %s to thread %s; skipped", event.id(), event.threadId()))
                        .onFailure()
                        .recoverWithNull()
                        .replaceWithVoid())
                .orElseGet(() -> {
                    LOG.warnf("skipping a run-events record that is not a run event: %.200s", payload);
                    return Uni.createFrom().voidItem();
                });
    }
}
