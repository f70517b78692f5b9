package dev.switchboard.thread.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.events.TransientFailures;
import dev.switchboard.thread.service.ThreadSummaryProjector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The thin messaging facade over {@link ThreadSummaryProjector}: reads {@code run-events}, one record at a time in
 * partition order.
 * <ul>
 *   <li>A transient failure (the database down or unreachable, a lost connection, a timeout, a deadlock:
 *       {@link TransientFailures}) is retried without limit, backing off up to {@link #MAX_BACKOFF}; the record is
 *       not acknowledged meanwhile, so the consumer goes no further and Kafka keeps everything after it.
 *   <li>Any other failure is tried {@link #ATTEMPTS} times (two deliveries racing on the processed-event id settle
 *       that way); a record that still fails, or that is not a run event at all ({@link RunEvent.UnreadableEvent}),
 *       is a poison event: logged at ERROR, counted in {@code switchboard_events_dead_lettered_total{topic}} and
 *       handed to the channel's {@code dead-letter-queue} failure strategy, which writes it to
 *       {@value #DEAD_LETTER_TOPIC} with its key, value, headers and the error ({@code dead-letter-reason}, ...). The
 *       next record goes on. {@code ./switchboard dlq-replay run-events.dlq} puts them back.
 * </ul>
 * Created at start, so the counter is there (at 0) before the first poison event.
 */
@ApplicationScoped
@Startup
public class RunEventsConsumer {

    static final String TOPIC = "run-events";
    static final String DEAD_LETTER_TOPIC = "run-events.dlq";
    static final int ATTEMPTS = 3;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(RunEventsConsumer.class);

    private final ThreadSummaryProjector projector;
    private final ObjectMapper json;
    private final Counter deadLettered;

    RunEventsConsumer(ThreadSummaryProjector projector, ObjectMapper json, MeterRegistry registry) {
        this.projector = projector;
        this.json = json;
        this.deadLettered = Counter.builder("switchboard.events.dead.lettered")
                .description("Events a consumer could not apply, sent to the topic's dead-letter topic")
                .tag("topic", TOPIC)
                .register(registry);
    }

    @Incoming("run-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        RunEvent event;
        try {
            event = RunEvent.read(json, record.value());
        } catch (RunEvent.UnreadableEvent e) {
            return poison(record, e);
        }
        return Uni.createFrom()
                .deferred(() -> projector.apply(event))
                .onFailure(TransientFailures::is)
                .invoke(e -> LOG.warnf(
                        "run event %s (thread %s) waits: %s; retrying until it applies",
                        event.id(), event.threadId(), e.toString()))
                .onFailure(TransientFailures::is)
                .retry()
                .withBackOff(Duration.ofMillis(500), MAX_BACKOFF)
                .indefinitely()
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2))
                .atMost(ATTEMPTS - 1)
                .onItem()
                .invoke(outcome -> LOG.debugf(
                        "run event %s (%s) on thread %s: %s", event.id(), event.type(), event.threadId(), outcome))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(e -> poison(record, e));
    }

    /** Counts and logs a record that cannot be applied, and fails it: the failure strategy dead-letters it. */
    private Uni<Void> poison(ConsumerRecord<String, String> record, Throwable failure) {
        deadLettered.increment();
        LOG.errorf(
                failure,
                "run-events record %s-%d@%d (key %s) cannot be applied; sent to %s: %s",
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                DEAD_LETTER_TOPIC,
                failure.getMessage());
        return Uni.createFrom().failure(failure);
    }
}
