package dev.switchboard.platform.events;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka in id order, from one replica of the service at a time ({@link RelayLeadership}: a
 * PostgreSQL advisory lock held on a connection of its own). A pass reads the oldest unpublished rows (a plain
 * read: no transaction, no row lock), sends the whole batch at once (every record in flight; the producer is
 * idempotent with {@code acks=all}, so each partition keeps the order of the sends), waits for the broker's
 * acknowledgements, and marks the acknowledged prefix (the rows before the first one the broker did not take)
 * published in one statement. The rest stays unpublished and the next passes send it again, one row at a time until
 * the broker takes one (so a broker that is down, or a row it refuses, does not make every pass send a whole batch
 * again), so Kafka down means delay, never loss.
 * <p>
 * Failover publishes nothing twice: a new leader starts from the first unpublished row, but before its first send
 * it marks published the unpublished rows whose records the previous leader got onto Kafka (killed between the
 * broker's acknowledgement and the mark) ({@link RelayTakeover}: it waits until no send of the previous leader can
 * still be under way, then reads the end of the topics). If it cannot read Kafka it sends nothing until it can.
 * Outside failover, a row after one the broker refused may have gone out in the refused row's pass and goes out
 * again after it; consumers skip the repeated id.
 * <p>
 * A pass runs every second (the scheduler's finest interval; replicas that do not lead try to take the lock at each)
 * and whenever a producer calls {@link #nudge()} after its transaction committed. One pass at a time in this
 * instance; a run goes on with the next pass while a batch came back full or a nudge arrived during it.
 * <p>
 * Only in services that set {@value OutboxConfig#ENABLED}{@code =true}; they configure the Kafka channel
 * {@value #CHANNEL} ({@code mp.messaging.outgoing.outbox.*}, over the {@code kafka.*} defaults).
 */
@ApplicationScoped
@IfBuildProperty(name = OutboxConfig.ENABLED, stringValue = "true")
public class OutboxRelay {

    /** The outgoing channel every relay sends on; each record names its own topic. */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String UNPUBLISHED = """
            select id, event_id, topic, record_key, payload from outbox_events
            where published_at is null
            order by id
            limit $1""";
    private static final String MARK_PUBLISHED =
            "update outbox_events set published_at = now() where id = any($1) and published_at is null";

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final RelayLeadership leadership;
    private final RelayTakeover takeover;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong passesAsFollower = new AtomicLong();
    /** After a row the broker did not take, passes send one row at a time until one goes through. */
    private volatile boolean probing;

    OutboxRelay(
            @Channel(CHANNEL) MutinyEmitter<String> emitter,
            OutboxConfig config,
            Pool pool,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults,
            Config configuration) {
        this.emitter = emitter;
        this.config = config;
        this.leadership = new RelayLeadership(pool, config.leaderLock());
        this.takeover = new RelayTakeover(
                new TopicTails(producerSettings(kafkaDefaults, configuration)),
                config.batchSize(),
                config.ackTimeout());
    }

    /** The settings of the channel's producer: the {@code kafka.*} defaults, then the channel's own. */
    private static Map<String, Object> producerSettings(Map<String, Object> kafkaDefaults, Config configuration) {
        String prefix = "mp.messaging.outgoing." + CHANNEL + ".";
        Map<String, Object> settings = new HashMap<>(kafkaDefaults);
        for (String name : configuration.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                configuration
                        .getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring(prefix.length()), value));
            }
        }
        return settings;
    }

    /** One row to publish. */
    record Pending(long id, UUID eventId, String topic, String key, String payload) {
        static Pending of(Row row) {
            return new Pending(
                    row.getLong("id"),
                    row.getUUID("event_id"),
                    row.getString("topic"),
                    row.getString("record_key"),
                    row.getString("payload"));
        }
    }

    /** Whether this replica relays the outbox now. */
    public boolean leading() {
        return leadership.leading();
    }

    /** How many passes found another replica holding the relay's lock (a replica that does not lead counts them). */
    public long passesAsFollower() {
        return passesAsFollower.get();
    }

    /** The advisory lock key of the relay of service {@code name} ({@code switchboard.outbox.leader-lock}). */
    public static long lockKey(String name) {
        return RelayLeadership.lockKey(name);
    }

    /**
     * Starts a relay run now instead of waiting for the next tick. Call it once the transaction that wrote outbox
     * rows has committed (before, the relay cannot see them yet). On a replica that does not lead, the leader
     * publishes the rows at its next tick.
     */
    public void nudge() {
        relay().subscribe().with(done -> {}, failure -> {});
    }

    /** One relay run: passes until one finds less than a full batch and no nudge came in meanwhile. */
    @Scheduled(
            every = "1s",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        if (stopping.get()) {
            return Uni.createFrom().voidItem();
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(this::passesUntilQuiet).eventually(() -> running.set(false));
    }

    private Uni<Void> passesUntilQuiet() {
        again.set(false);
        return pass().chain(more ->
                more && !stopping.get() ? passesUntilQuiet() : Uni.createFrom().voidItem());
    }

    /** One pass; answers whether another should follow at once (a full batch went out, or a nudge came in). */
    private Uni<Boolean> pass() {
        return leadership
                .acquire()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("outbox relay could not reach the database, will retry: %s", failure.toString());
                    return null;
                })
                .chain(conn -> {
                    if (conn == null) {
                        passesAsFollower.incrementAndGet();
                        return Uni.createFrom().item(false);
                    }
                    return takeover.ready(conn)
                            .chain(ready -> ready
                                    ? publishBatch(conn).map(full -> full || again.get())
                                    : Uni.createFrom().item(false))
                            .onFailure()
                            .call(failure -> leadership.lost(conn, failure))
                            .onFailure()
                            .recoverWithItem(failure -> {
                                LOG.warnf("outbox relay pass failed, will retry: %s", failure.toString());
                                return false;
                            });
                });
    }

    /** Reads, sends and marks one batch; answers whether it was a full batch, all of it acknowledged. */
    private Uni<Boolean> publishBatch(SqlConnection conn) {
        int batchSize = probing ? 1 : config.batchSize();
        return conn.preparedQuery(UNPUBLISHED)
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Pending> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(Pending.of(row)));
                    return batch;
                })
                .chain(batch -> batch.isEmpty()
                        ? Uni.createFrom().item(false)
                        : sendAll(batch)
                                .invoke(acknowledged -> probing = acknowledged < batch.size())
                                .chain(acknowledged -> markPublished(conn, batch.subList(0, acknowledged)))
                                .map(marked -> marked == batchSize));
    }

    /**
     * Sends every row of the batch at once, in id order, and answers the length of the acknowledged prefix: the
     * rows before the first one the broker did not acknowledge within the ack timeout.
     */
    private Uni<Integer> sendAll(List<Pending> batch) {
        List<Uni<Throwable>> sends = new ArrayList<>(batch.size());
        Duration timeout = config.ackTimeout();
        for (Pending row : batch) {
            sends.add(send(row)
                    .ifNoItem()
                    .after(timeout)
                    .fail()
                    .onItem()
                    .transform(ignored -> (Throwable) null)
                    .onFailure()
                    .recoverWithItem(failure -> failure));
        }
        return Uni.join().all(sends).andFailFast().map(failures -> {
            for (int i = 0; i < failures.size(); i++) {
                Throwable failure = failures.get(i);
                if (failure != null) {
                    Pending row = batch.get(i);
                    LOG.warnf(
                            "could not publish outbox event %s (row %d) to %s; it and the %d after it in this pass "
                                    + "stay unpublished and will be sent again: %s",
                            row.eventId(), row.id(), row.topic(), batch.size() - i - 1, failure.toString());
                    return i;
                }
            }
            return failures.size();
        });
    }

    private Uni<Integer> markPublished(SqlConnection conn, List<Pending> acknowledged) {
        if (acknowledged.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Long[] ids = acknowledged.stream().map(Pending::id).toArray(Long[]::new);
        return conn.preparedQuery(MARK_PUBLISHED)
                .execute(Tuple.tuple().addArrayOfLong(ids))
                .map(result -> acknowledged.size());
    }

    private Uni<Void> send(Pending row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(row.key())
                        .withTopic(row.topic())
                        .withHeaders(headers)
                        .build());
        return emitter.sendMessage(message);
    }

    /**
     * Shutdown: no new pass; the one under way finishes (its acknowledged rows are marked, so the next leader does
     * not send them again), then the lock is released for another replica.
     */
    void stop(@Observes ShutdownEvent event) {
        stopping.set(true);
        long deadline = System.nanoTime() + config.ackTimeout().plusSeconds(5).toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        leadership.stepDown().await().atMost(Duration.ofSeconds(5));
    }
}
