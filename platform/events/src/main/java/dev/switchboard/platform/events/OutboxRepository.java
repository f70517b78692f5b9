package dev.switchboard.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The transactional outbox: a producer persists a row with the change it describes, the relay marks it published. */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    private final ObjectMapper json;

    OutboxRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Writes {@code event} to the outbox, to be published on {@code topic} with {@code recordKey}
     * ({@link OutboxEvent#of}). Call it in the transaction that makes the change the event describes.
     */
    public Uni<OutboxEvent> add(String topic, String recordKey, CloudEvent<?> event) {
        return Uni.createFrom()
                .item(() -> OutboxEvent.of(topic, recordKey, event, json))
                .chain(this::persist);
    }
}
