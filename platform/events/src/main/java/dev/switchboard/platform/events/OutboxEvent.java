package dev.switchboard.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.web.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event in the transactional outbox: written in the same transaction as the change it describes, published by
 * {@link OutboxRelay}. The table every producing service creates with a Flyway migration of its own is
 * documented in {@code platform/events/README.md}.
 */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The CloudEvent's id: consumers skip an event whose id they already processed. */
    @Column(name = "event_id", nullable = false, updatable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    /** The Kafka record key: the aggregate id, so one aggregate's events stay in order on one partition. */
    @Column(name = "record_key", nullable = false, updatable = false)
    public String recordKey;

    /** The CloudEvent as JSON, the Kafka record value. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** When Kafka acknowledged it; null while it waits. */
    @Column(name = "published_at")
    public Instant publishedAt;

    /** The outbox row of {@code event}, to be published on {@code topic} with {@code recordKey}. */
    public static OutboxEvent of(String topic, String recordKey, CloudEvent<?> event, ObjectMapper json) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.recordKey = recordKey;
        row.payload = write(event, json);
        row.createdAt = Timestamps.now();
        return row;
    }

    private static String write(CloudEvent<?> event, ObjectMapper json) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type() + " could not be written as JSON", e);
        }
    }
}
