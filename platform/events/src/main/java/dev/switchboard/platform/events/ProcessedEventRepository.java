package dev.switchboard.platform.events;

import dev.switchboard.platform.web.Timestamps;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** The ids of the events this service already applied: a consumer applies each event once. */
@ApplicationScoped
@WithSession
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, String> {

    /**
     * Applies {@code effect} unless event {@code eventId} was applied before, and records the id, in the caller's
     * transaction, so the effect and the record commit (or roll back) together. Answers what the effect answered,
     * or {@code alreadyApplied} for an event seen before. Two deliveries racing each other both get past the check;
     * the second one's insert fails on the primary key and its transaction rolls back.
     */
    public <T> Uni<T> applyOnce(String eventId, Supplier<Uni<T>> effect, Supplier<T> alreadyApplied) {
        return findById(eventId)
                .chain(seen -> seen != null
                        ? Uni.createFrom().item(alreadyApplied)
                        : effect.get().call(() -> persist(ProcessedEvent.of(eventId, Timestamps.now()))));
    }
}
