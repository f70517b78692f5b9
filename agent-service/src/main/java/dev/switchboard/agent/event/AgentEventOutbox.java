package dev.switchboard.agent.event;

import dev.switchboard.agent.Agent;
import dev.switchboard.platform.events.CloudEvent;
import dev.switchboard.platform.events.OutboxRelay;
import dev.switchboard.platform.events.OutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes agent events to the outbox. Call it inside the transaction that changes the agent, so the event
 * commits (or rolls back) with the change; the {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class AgentEventOutbox {

    private final OutboxRepository outbox;

    AgentEventOutbox(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(Agent agent) {
        return write(AgentEvents.created(agent, UUID.randomUUID(), Instant.now()));
    }

    public Uni<Void> updated(Agent agent) {
        return write(AgentEvents.updated(agent, UUID.randomUUID(), Instant.now()));
    }

    private Uni<Void> write(CloudEvent<AgentEventData> event) {
        return outbox.add(AgentEvents.TOPIC, event.subject(), event).replaceWithVoid();
    }
}
