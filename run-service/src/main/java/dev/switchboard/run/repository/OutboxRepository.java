package dev.switchboard.run.repository;

import dev.switchboard.run.event.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The outbox: rows are added with the change they describe and marked when published. */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    private static final String UNPUBLISHED = "select * from outbox_events where published_at is null "
            + "order by id limit :limit for update skip locked";

    /**
     * The oldest unpublished rows, locked until the surrounding transaction ends; rows another relay
     * holds are skipped, so two instances never publish the same batch at once.
     */
    public Uni<List<OutboxEvent>> lockUnpublished(int limit) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery(UNPUBLISHED, OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList());
    }
}
