package dev.switchboard.run.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.events.CloudEvent;
import dev.switchboard.platform.events.OutboxEvent;
import dev.switchboard.run.Run;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Turns a run change into the outbox row of its event: a CloudEvent keyed by the run's thread id. */
@ApplicationScoped
public class RunEventFactory {

    public static final String TOPIC = "run-events";
    public static final String SOURCE = "/run-service";

    private final ObjectMapper json;

    public RunEventFactory(ObjectMapper json) {
        this.json = json;
    }

    public OutboxEvent outboxRow(RunEventType type, Run run) {
        return OutboxEvent.of(TOPIC, run.threadId, envelope(type, run, UUID.randomUUID()), json);
    }

    CloudEvent<RunEventData> envelope(RunEventType type, Run run, UUID eventId) {
        return CloudEvent.of(
                eventId,
                SOURCE,
                type.type(),
                run.id.toString(),
                run.updatedAt,
                type.dataschema(),
                RunEventData.of(run));
    }
}
