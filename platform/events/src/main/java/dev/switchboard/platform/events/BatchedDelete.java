package dev.switchboard.platform.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes old rows in bounded batches: one short statement per batch, repeated until a batch comes back short, so
 * the cleanup never holds many row locks or a long transaction.
 */
final class BatchedDelete {

    private BatchedDelete() {}

    /**
     * Runs {@code sql} (parameters {@code $1} the cutoff, {@code $2} the batch size) until it deletes fewer rows
     * than a batch; answers how many it deleted in all.
     */
    static Uni<Long> until(Pool pool, String sql, Duration retention, int batchSize) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return batch(pool, sql, cutoff, batchSize, 0);
    }

    private static Uni<Long> batch(Pool pool, String sql, OffsetDateTime cutoff, int batchSize, long sofar) {
        return pool.preparedQuery(sql).execute(Tuple.of(cutoff, batchSize)).chain(result -> {
            long total = sofar + result.rowCount();
            return result.rowCount() < batchSize
                    ? Uni.createFrom().item(total)
                    : batch(pool, sql, cutoff, batchSize, total);
        });
    }
}
