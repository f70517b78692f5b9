package dev.switchboard.platform.events;

import dev.switchboard.platform.web.Timestamps;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka, oldest first. Each pass locks a batch of unpublished rows
 * ({@code for update skip locked}), sends them one after the other to the topic and with the key of each row,
 * and marks each published once the broker acknowledged it, in the pass's transaction. The pass stops at the first
 * row the broker does not take: that row and the rest stay unpublished and a later pass sends them, so Kafka down
 * means delay, never loss, and order is kept (a consumer may see an event twice and skips it by id).
 * <p>
 * A pass runs every second (the scheduler's finest interval; the first waits for the Kafka channel) and whenever a
 * producer calls {@link #nudge()} after its transaction committed. One pass at a time in this instance; a run goes
 * on with the next pass while a batch came back full or a nudge arrived during it.
 * <p>
 * Only in services that set {@value OutboxConfig#ENABLED}{@code =true}; they configure the Kafka channel
 * {@value #CHANNEL} ({@code mp.messaging.outgoing.outbox.*}).
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxConfig.ENABLED, stringValue = "true")
public class OutboxRelay {

    /** The outgoing channel every relay sends on; each record names its own topic. */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    OutboxRelay(
            OutboxRepository outbox,
            @Channel(CHANNEL) MutinyEmitter<String> emitter,
            OutboxConfig config,
            Vertx vertx) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Starts a relay run now, on a Vert.x context of its own, instead of waiting for the next tick. Call it once
     * the transaction that wrote outbox rows has committed (before, the relay cannot see them yet).
     */
    public void nudge() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relay().subscribe().with(done -> {}, failure -> {}));
    }

    /** One relay run: passes until one finds less than a full batch and no nudge came in meanwhile. */
    @Scheduled(
            every = "1s",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(this::passesUntilQuiet).eventually(() -> running.set(false));
    }

    private Uni<Void> passesUntilQuiet() {
        again.set(false);
        int batchSize = config.batchSize();
        return pass(batchSize)
                .chain(published -> again.get() || published == batchSize
                        ? passesUntilQuiet()
                        : Uni.createFrom().voidItem());
    }

    /** Publishes one batch in one transaction; answers how many rows it marked published. */
    private Uni<Integer> pass(int batchSize) {
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(() ->
                        outbox.lockUnpublished(batchSize).chain(rows -> publishInOrder(rows, 0, onCurrentContext()))))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("outbox relay pass failed, will retry: %s", failure.toString());
                    return 0;
                });
    }

    /**
     * Sends {@code rows[index..]} one after the other and answers how many were acknowledged. Stops at the first
     * the broker does not acknowledge in time, keeping the ones before it marked, so order is kept and nothing is
     * skipped.
     */
    private Uni<Integer> publishInOrder(List<OutboxEvent> rows, int index, Executor context) {
        if (index >= rows.size()) {
            return Uni.createFrom().item(index);
        }
        OutboxEvent row = rows.get(index);
        return send(row)
                .onItemOrFailure()
                .transform((ignored, failure) -> failure)
                .emitOn(context)
                .onItem()
                .transformToUni(failure -> {
                    if (failure != null) {
                        LOG.warnf(
                                "could not publish outbox event %s to %s (%d pending in this pass), "
                                        + "will retry: %s",
                                row.eventId, row.topic, rows.size() - index, failure.toString());
                        return Uni.createFrom().item(index);
                    }
                    row.publishedAt = Timestamps.now();
                    return publishInOrder(rows, index + 1, context);
                });
    }

    private Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(row.recordKey)
                        .withTopic(row.topic)
                        .withHeaders(headers)
                        .build());
        return emitter.sendMessage(message)
                .ifNoItem()
                .after(config.ackTimeout())
                .fail();
    }

    /**
     * The broker's acknowledgement arrives on a Kafka thread; Hibernate Reactive must go on on the Vert.x context
     * the session belongs to.
     */
    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
