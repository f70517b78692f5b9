package dev.switchboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared counters in the gateway's PostgreSQL database (table {@code rate_limit_buckets}). One statement
 * leases a block from each bucket a request needs: under the row lock it moves the bucket to the asker's window
 * (the current window's units become the previous window's), grants what the sliding window allows (up to the
 * ask) and adds it to the current window, so the replicas together never lease more than the quota. Rows are
 * locked in bucket order, so two statements never wait on each other in a cycle.
 */
public class PgCounterStore implements CounterStore {

    private static final String PREV =
            "(case when c.win >= excluded.win then c.prev " + "when c.win = excluded.win - 1 then c.cur else 0 end)";
    private static final String CUR = "(case when c.win >= excluded.win then c.cur else 0 end)";
    /** The previous window's units still inside the sliding window, rounded up (Rate.cap). */
    private static final String PREV_PART = "((" + PREV + " * least(excluded.window_us, greatest(0, "
            + "(excluded.win + 1) * excluded.window_us - excluded.leased_at)) + excluded.window_us - 1) "
            + "/ excluded.window_us)";

    private static final String FREE =
            "greatest(0, least(excluded.asked, excluded.quota - " + PREV_PART + " - " + CUR + "))";

    static final String LEASE = """
            insert into rate_limit_buckets as c (bucket, quota, window_us, win, prev, cur, leased_at, asked, granted)
            select a.bucket, a.quota, a.window_us, a.win, 0, least(a.ask, a.quota), a.now_us, a.ask,
                   least(a.ask, a.quota)
            from unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[])
                 as a(bucket, quota, window_us, win, now_us, ask)
            order by a.bucket
            on conflict (bucket) do update
            set granted = %1$s, cur = %2$s + %1$s, prev = %3$s, win = greatest(c.win, excluded.win),
                quota = excluded.quota, window_us = excluded.window_us, leased_at = excluded.leased_at,
                asked = excluded.asked
            returning c.bucket, c.granted, c.win, c.prev, c.cur""".formatted(FREE, CUR, PREV);

    static final String DELETE_STALE = "delete from rate_limit_buckets where (win + 2) * window_us <= $1";

    private final Pool pool;

    public PgCounterStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<Grant>> lease(List<Ask> asks) {
        List<Ask> sorted = new ArrayList<>(asks);
        sorted.sort(Comparator.comparing(Ask::bucket));
        int n = sorted.size();
        String[] buckets = new String[n];
        Long[] quotas = new Long[n];
        Long[] windows = new Long[n];
        Long[] indexes = new Long[n];
        Long[] nows = new Long[n];
        Long[] wanted = new Long[n];
        for (int i = 0; i < n; i++) {
            Ask a = sorted.get(i);
            buckets[i] = a.bucket();
            quotas[i] = a.rate().quota();
            windows[i] = a.rate().windowMicros();
            indexes[i] = a.rate().window(a.nowMicros());
            nows[i] = a.nowMicros();
            wanted[i] = a.ask();
        }
        Tuple params = Tuple.tuple()
                .addArrayOfString(buckets)
                .addArrayOfLong(quotas)
                .addArrayOfLong(windows)
                .addArrayOfLong(indexes)
                .addArrayOfLong(nows)
                .addArrayOfLong(wanted);
        return pool.preparedQuery(LEASE).execute(params).map(rows -> {
            Map<String, Grant> byBucket = new HashMap<>();
            for (Row row : rows) {
                byBucket.put(
                        row.getString("bucket"),
                        new Grant(row.getLong("granted"), row.getLong("win"), row.getLong("prev"), row.getLong("cur")));
            }
            List<Grant> grants = new ArrayList<>(asks.size());
            for (Ask a : asks) {
                grants.add(byBucket.get(a.bucket()));
            }
            return grants;
        });
    }

    @Override
    public Uni<Integer> deleteStale(long nowMicros) {
        return pool.preparedQuery(DELETE_STALE).execute(Tuple.of(nowMicros)).map(rows -> rows.rowCount());
    }
}
