package dev.switchboard.run.event;

import java.time.Instant;
import java.util.UUID;

/** A CloudEvents 1.0 envelope in structured JSON mode, the value of every Kafka record run-service writes. */
public record CloudEvent(String specversion, UUID id, String source, String type, String subject, Instant time,
        String datacontenttype, String dataschema, Object data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "/run-service";
    public static final String CONTENT_TYPE = "application/json";
}
