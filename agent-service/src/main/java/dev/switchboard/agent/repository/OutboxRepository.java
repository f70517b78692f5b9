package dev.switchboard.agent.repository;

import dev.switchboard.agent.event.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The transactional outbox of agent events. */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    private static final String LOCK_UNPUBLISHED = """
            select * from outbox_events
            where published_at is null
            order by id
            limit :limit
            for update skip locked""";

    /**
     * The oldest unpublished events, locked for the current transaction; rows another relay holds are
     * skipped, so several instances can relay side by side. Needs a transaction.
     */
    public Uni<List<OutboxEvent>> lockUnpublished(int limit) {
        return getSession().chain(session -> session.createNativeQuery(LOCK_UNPUBLISHED, OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList());
    }
}
