package dev.switchboard.platform.events;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The retention job: every 10 minutes, the first a minute after start, runs the {@link RetentionCleanup}s of this
 * service one after the other: {@link OutboxCleanup} in a service that writes an outbox, {@link ProcessedEventCleanup}
 * in one that records processed event ids.
 */
@ApplicationScoped
class EventsRetention {

    private final Instance<RetentionCleanup> cleanups;

    EventsRetention(Instance<RetentionCleanup> cleanups) {
        this.cleanups = cleanups;
    }

    @Scheduled(
            every = "10m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (RetentionCleanup cleanup : cleanups) {
            all = all.chain(cleanup::run).replaceWithVoid();
        }
        return all;
    }
}
