package dev.switchboard.agent.event;

import dev.switchboard.agent.config.AgentsConfig;
import dev.switchboard.agent.repository.OutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Publishes the outbox to Kafka, oldest first. Each pass locks a batch of unpublished rows
 * ({@code for update skip locked}), sends them one by one, waits for the broker's acknowledgement and marks
 * them published in the same transaction. When Kafka is unreachable the pass stops at the first failure:
 * the rest stay unpublished and the next pass retries them (delay, never loss; a consumer may see an event
 * twice and skips it by id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> emitter;
    private final AgentsConfig config;

    OutboxRelay(OutboxRepository outbox, @Channel("agent-events") MutinyEmitter<String> emitter,
            AgentsConfig config) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * One relay run. The scheduler ticks once a second (its finest interval; the first tick waits for the Kafka channel), so a run that published a full batch goes on
     * with the next one at once instead of waiting for the next tick.
     */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        int batchSize = config.outbox().batchSize();
        return pass(batchSize).chain(published -> published == batchSize ? relay() : Uni.createFrom().voidItem());
    }

    /** Publishes one batch in one transaction; answers how many events it marked published. */
    private Uni<Integer> pass(int batchSize) {
        return Panache.withTransaction(() -> outbox.lockUnpublished(batchSize)
                        .chain(events -> publishInOrder(events, 0, onCurrentContext())))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("outbox relay pass failed, will retry: %s", failure.toString());
                    return 0;
                });
    }

    /**
     * Sends {@code events[index..]} one after the other and answers how many were acknowledged. Stops at the
     * first the broker does not acknowledge in time, keeping the ones before it marked, so order is kept and
     * nothing is skipped.
     */
    private Uni<Integer> publishInOrder(List<OutboxEvent> events, int index, Executor context) {
        if (index >= events.size()) {
            return Uni.createFrom().item(index);
        }
        OutboxEvent event = events.get(index);
        return send(event)
                .onItemOrFailure().transform((ignored, failure) -> failure)
                .emitOn(context)
                .onItem().transformToUni(failure -> {
                    if (failure != null) {
                        LOG.warnf("could not publish outbox event %s to %s (%d pending in this pass), "
                                + "will retry: %s", event.eventId, event.topic, events.size() - index,
                                failure.toString());
                        return Uni.createFrom().item(index);
                    }
                    event.publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    return publishInOrder(events, index + 1, context);
                });
    }

    private Uni<Void> send(OutboxEvent event) {
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.recordKey)
                        .withTopic(event.topic)
                        .build());
        return emitter.sendMessage(message)
                .ifNoItem().after(config.outbox().ackTimeout()).fail();
    }

    /** Hibernate Reactive must be resumed on the Vert.x context the session belongs to, not a Kafka thread. */
    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
