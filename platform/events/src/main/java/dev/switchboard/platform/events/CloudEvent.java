package dev.switchboard.platform.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the value of every Kafka record a service publishes. The
 * producer builds it (source, type, subject, time, schema and its own {@code data} record); {@link OutboxEvent#of}
 * turns it into an outbox row.
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data"})
public record CloudEvent<T>(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    /** The {@code datacontenttype}: the data is JSON. */
    public static final String JSON = "application/json";
    /** The Kafka {@code content-type} header of a structured-mode record (CloudEvents Kafka binding). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** A CloudEvents 1.0 event with JSON data. */
    public static <T> CloudEvent<T> of(
            UUID id, String source, String type, String subject, Instant time, String dataschema, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type, subject, time, JSON, dataschema, data);
    }
}
