package dev.switchboard.platform.events;

import io.smallrye.mutiny.Uni;

/** A table's retention: {@link EventsRetention} runs every one this service has. */
interface RetentionCleanup {

    /** Deletes what is past retention; answers how many rows, 0 if it failed (logged, retried at the next run). */
    Uni<Long> run();
}
