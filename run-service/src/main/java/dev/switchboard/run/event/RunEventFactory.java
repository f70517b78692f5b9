package dev.switchboard.run.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.run.Run;
import dev.switchboard.run.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Turns a run change into the outbox row of its event: a CloudEvent keyed by the run's thread id. */
@ApplicationScoped
public class RunEventFactory {

    public static final String TOPIC = "run-events";

    private final ObjectMapper json;

    public RunEventFactory(ObjectMapper json) {
        this.json = json;
    }

    public OutboxEvent outboxRow(RunEventType type, Run run) {
        CloudEvent event = envelope(type, run, UUID.randomUUID());
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = TOPIC;
        row.recordKey = run.threadId;
        row.payload = write(event);
        row.createdAt = Timestamps.now();
        return row;
    }

    CloudEvent envelope(RunEventType type, Run run, UUID eventId) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, eventId, CloudEvent.SOURCE, type.type(), run.id.toString(),
                run.updatedAt, CloudEvent.CONTENT_TYPE, type.dataschema(), RunEventData.of(run));
    }

    private String write(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run event " + event.type() + " could not be written as JSON", e);
        }
    }
}
