package dev.switchboard.platform.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a relay does when it becomes the leader (takes the lock after not holding it, first start included), before
 * it sends anything: it finds the events the previous leader got onto Kafka without marking them published (it
 * died, or lost its connection, between the broker's acknowledgement and the mark) and marks them, so that none is
 * published twice.
 * <p>
 * Such an event is an unpublished row, and its record is among the last ones of its topic: a leader has at most one
 * batch in flight, the first unpublished rows when it read them, sent after every earlier one was marked, and nothing
 * else writes the relay's topics while no replica leads. So the new leader reads the last {@code 2 × batch-size}
 * records of every partition of the topics of the first {@code 2 × batch-size} unpublished rows (twice a batch, so
 * rows committed late with lower ids, or a few records of another writer, do not push that batch out of reach),
 * collects their event ids, and marks the unpublished rows with these ids published. Before reading, it
 * waits until a send of the previous leader can no longer be under way ({@link TopicTails#longestSend()}, counted
 * from the takeover: a leader whose process lives on after its connection to the database closed still has its
 * batch in the producer). With no unpublished row at the takeover there is nothing to find and the leader sends at
 * once.
 * <p>
 * If Kafka cannot be read, the leader sends nothing and tries again at its next pass: publishing later is better
 * than publishing twice.
 */
final class RelayTakeover {

    private static final Logger LOG = Logger.getLogger(RelayTakeover.class);

    /** The topics of the first unpublished rows, where a batch of the previous leader can be. */
    private static final String UNPUBLISHED_TOPICS = """
            select distinct topic from (
                select topic from outbox_events where published_at is null order by id limit $1) as oldest
            order by topic""";

    private static final String MARK_ALREADY_SENT =
            "update outbox_events set published_at = now() where event_id = any($1) and published_at is null";

    private final TopicTails tails;
    private final int depth;
    private final Duration readTimeout;
    private final Duration settle;
    /** The lock's connection of the current leadership: a new one is a new leadership, to reconcile. */
    private volatile SqlConnection term;

    private volatile long termStart;
    private volatile boolean reconciled;
    private volatile boolean announced;

    RelayTakeover(TopicTails tails, int batchSize, Duration readTimeout) {
        this.tails = tails;
        this.depth = 2 * batchSize;
        this.readTimeout = readTimeout;
        this.settle = tails.longestSend();
    }

    /**
     * Whether the leader holding {@code lock} may send: answers {@code true} once what the previous leader left on
     * Kafka is marked, {@code false} while it is waiting for it to settle or cannot read Kafka. Fails if the
     * database does (the leader then gives the lock up).
     */
    Uni<Boolean> ready(SqlConnection lock) {
        if (lock != term) {
            term = lock;
            termStart = System.nanoTime();
            reconciled = false;
            announced = false;
        }
        if (reconciled) {
            return Uni.createFrom().item(true);
        }
        return lock.preparedQuery(UNPUBLISHED_TOPICS).execute(Tuple.of(depth)).chain(rows -> {
            List<String> topics = new ArrayList<>();
            rows.forEach(row -> topics.add(row.getString(0)));
            if (topics.isEmpty()) {
                reconciled = true;
                return Uni.createFrom().item(true);
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - termStart);
            if (waited.compareTo(settle) < 0) {
                if (!announced) {
                    announced = true;
                    LOG.infof(
                            "took the outbox relay over with unpublished events for %s; sends nothing for %s (until"
                                    + " no send of the previous leader can be under way), then skips those already"
                                    + " on Kafka",
                            topics, settle);
                }
                return Uni.createFrom().item(false);
            }
            return readTails(topics).chain(ids -> ids == null ? Uni.createFrom().item(false) : mark(lock, topics, ids));
        });
    }

    /** The event ids at the end of the topics; {@code null} if Kafka could not be read. */
    private Uni<Set<UUID>> readTails(List<String> topics) {
        return Uni.createFrom()
                .item(() -> tails.eventIds(topics, depth, readTimeout))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "the new outbox relay leader could not read the end of %s, so it cannot tell what the"
                                    + " previous one published; it sends nothing until it can: %s",
                            topics, failure.toString());
                    return null;
                });
    }

    private Uni<Boolean> mark(SqlConnection lock, List<String> topics, Set<UUID> ids) {
        return lock.preparedQuery(MARK_ALREADY_SENT)
                .execute(Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new)))
                .map(result -> {
                    LOG.infof(
                            "outbox relay takeover: %d unpublished events were already among the last %d records of"
                                    + " each partition of %s (sent by the previous leader, not marked); marked"
                                    + " published, not sent again",
                            result.rowCount(), depth, topics);
                    reconciled = true;
                    return true;
                });
    }
}
