package dev.switchboard.run.event;

import dev.switchboard.run.Timestamps;
import dev.switchboard.run.config.RunsConfig;
import dev.switchboard.run.repository.OutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.common.vertx.VertxContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox to Kafka, oldest first: the rows are locked ({@code for update skip locked}),
 * sent one after the other, each marked published once Kafka acknowledged it. A row Kafka did not take
 * stays unpublished and is sent on a later pass, so Kafka down means delay, never loss (and a consumer
 * may see an event twice, which it skips by event id).
 * <p>
 * A pass runs every second (the scheduler's finest interval) and right after each run change commits
 * ({@link #nudge()}); one pass at a time in this instance, so events leave in outbox order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> emitter;
    private final RunsConfig.Relay config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxRelay(OutboxRepository outbox, @Channel("run-events") MutinyEmitter<String> emitter,
            RunsConfig config, Vertx vertx) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.config = config.relay();
        this.vertx = vertx;
    }

    /** The first pass waits until the application, and so the Kafka channel, has started. */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(this::passesUntilQuiet)
                .eventually(() -> running.set(false));
    }

    /** Starts a pass now, on a context of its own, instead of waiting for the next scheduled one. */
    public void nudge() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relay().subscribe().with(done -> { }, failure -> { }));
    }

    private Uni<Void> passesUntilQuiet() {
        again.set(false);
        return pass().flatMap(published -> again.get() || published == config.batchSize()
                ? passesUntilQuiet()
                : Uni.createFrom().voidItem());
    }

    private Uni<Integer> pass() {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> outbox
                        .lockUnpublished(config.batchSize())
                        .flatMap(this::publishInOrder)))
                .onFailure().invoke(e -> LOG.warnf("outbox relay pass failed, retrying on the next pass: %s",
                        e.getMessage()))
                .onFailure().recoverWithItem(0);
    }

    /** Sends the rows in order and stops at the first one Kafka does not acknowledge. */
    private Uni<Integer> publishInOrder(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> send(row, context).invoke(() ->
                        row.publishedAt = Timestamps.now()))
                .collect().asList()
                .map(List::size)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("run event not acknowledged by Kafka, will retry: %s", failure.getMessage());
                    return 0;
                });
    }

    private Uni<Void> send(OutboxEvent row, Context context) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.recordKey)
                .withTopic(row.topic)
                .withHeaders(headers)
                .build();
        Uni<Void> acked = emitter.sendMessage(Message.of(row.payload).addMetadata(metadata))
                .ifNoItem().after(config.ackTimeout()).fail();
        // the acknowledgement arrives on a Kafka thread: come back to this context for the session
        return context == null ? acked : acked.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
