package dev.switchboard.platform.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes the rows of one table that are past their retention, in bounded batches: one short statement per batch,
 * repeated until a batch comes back short, so a cleanup never holds many row locks or a long transaction. The
 * retention cleanups ({@link OutboxCleanup}, {@link ProcessedEventCleanup}) are each one of these.
 */
final class BatchedDelete {

    private final Pool pool;
    private final String rows;
    private final String sql;
    private final Duration retention;
    private final int batchSize;
    private final Logger log;

    /**
     * @param rows what the rows are, for the log ("published outbox rows")
     * @param sql deletes one batch: parameter {@code $1} the cutoff, {@code $2} the batch size
     * @param owner the cleanup whose log category reports the deletions
     */
    BatchedDelete(Pool pool, String rows, String sql, Duration retention, int batchSize, Class<?> owner) {
        this.pool = pool;
        this.rows = rows;
        this.sql = sql;
        this.retention = retention;
        this.batchSize = batchSize;
        this.log = Logger.getLogger(owner);
    }

    /**
     * Deletes the rows older than the retention, batch after batch; answers how many it deleted, 0 if it failed
     * (logged: the next run retries).
     */
    Uni<Long> run() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return batch(cutoff, 0)
                .invoke(deleted -> {
                    if (deleted > 0) {
                        log.infof("deleted %d %s older than %s", deleted, rows, retention);
                    }
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    log.warnf(
                            "deleting %s older than %s failed, will retry at its next run: %s",
                            rows, retention, failure.toString());
                    return 0L;
                });
    }

    private Uni<Long> batch(OffsetDateTime cutoff, long sofar) {
        return pool.preparedQuery(sql).execute(Tuple.of(cutoff, batchSize)).chain(result -> {
            long total = sofar + result.rowCount();
            return result.rowCount() < batchSize ? Uni.createFrom().item(total) : batch(cutoff, total);
        });
    }
}
