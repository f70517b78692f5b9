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
 * The shared buckets in the gateway's PostgreSQL database (table {@code rate_limit_buckets}): one GCRA
 * theoretical arrival time ({@code tat}) per bucket. One statement leases a block from each bucket a request
 * needs: under the row lock it grants what the bucket holds (up to the ask) and moves {@code tat} on by the
 * time those units take to refill, so the replicas together never lease more than the rate allows. Rows are
 * locked in bucket order, so two statements never wait on each other in a cycle.
 */
public class PgCounterStore implements CounterStore {

    /** Units a bucket holds at {@code now}: {@code (now + window - max(tat, now)) * quota / window}. */
    private static final String FREE = "greatest(0, (excluded.leased_at + excluded.window_us "
            + "- greatest(c.tat, excluded.leased_at)) * excluded.quota / excluded.window_us)";

    static final String LEASE = """
            insert into rate_limit_buckets as c (bucket, quota, window_us, leased_at, asked, granted, tat)
            select a.bucket, a.quota, a.window_us, a.now_us, a.ask, least(a.ask, a.quota),
                   a.now_us + (least(a.ask, a.quota) * a.window_us + a.quota - 1) / a.quota
            from unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[])
                 as a(bucket, quota, window_us, ask, now_us)
            order by a.bucket
            on conflict (bucket) do update
            set granted = least(excluded.asked, %1$s),
                tat = greatest(c.tat, excluded.leased_at)
                      + (least(excluded.asked, %1$s) * excluded.window_us + excluded.quota - 1) / excluded.quota,
                quota = excluded.quota, window_us = excluded.window_us,
                leased_at = excluded.leased_at, asked = excluded.asked
            returning c.bucket, c.granted, c.tat""".formatted(FREE);

    static final String DELETE_FULL = "delete from rate_limit_buckets where tat < $1";

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
        Long[] wanted = new Long[n];
        Long[] nows = new Long[n];
        for (int i = 0; i < n; i++) {
            Ask a = sorted.get(i);
            buckets[i] = a.bucket();
            quotas[i] = a.rate().quota();
            windows[i] = a.rate().windowMicros();
            wanted[i] = a.ask();
            nows[i] = a.nowMicros();
        }
        Tuple params = Tuple.tuple().addArrayOfString(buckets).addArrayOfLong(quotas).addArrayOfLong(windows)
                .addArrayOfLong(wanted).addArrayOfLong(nows);
        return pool.preparedQuery(LEASE).execute(params).map(rows -> {
            Map<String, Grant> byBucket = new HashMap<>();
            for (Row row : rows) {
                byBucket.put(row.getString("bucket"), new Grant(row.getLong("granted"), row.getLong("tat")));
            }
            List<Grant> grants = new ArrayList<>(asks.size());
            for (Ask a : asks) {
                grants.add(byBucket.get(a.bucket()));
            }
            return grants;
        });
    }

    @Override
    public Uni<Integer> deleteFull(long nowMicros) {
        return pool.preparedQuery(DELETE_FULL).execute(Tuple.of(nowMicros)).map(rows -> rows.rowCount());
    }
}
