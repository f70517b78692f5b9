package dev.switchboard.platform.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event id a consuming service has applied, stored in the same transaction as the event's effect
 * ({@link ProcessedEventRepository#applyOnce}). The table every consuming service creates with a Flyway migration
 * of its own is documented in {@code platform/events/README.md}.
 */
@Entity
@Table(name = "processed_events")
public class ProcessedEvent {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    public static ProcessedEvent of(String eventId, Instant at) {
        ProcessedEvent event = new ProcessedEvent();
        event.eventId = eventId;
        event.processedAt = at;
        return event;
    }
}
