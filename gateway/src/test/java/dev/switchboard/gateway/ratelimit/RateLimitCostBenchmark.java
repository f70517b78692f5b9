package dev.switchboard.gateway.ratelimit;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the rate limits cost a request (not a test: run it with {@code -Dtest=RateLimitCostBenchmark}, then
 * {@code RateLimitOffCostBenchmark}; results in {@code target/rate-limit-cost.md}): the load of {@link CostLoop}
 * with the default limits, the statements it sent to the database, one lease statement's latency, and the
 * limiter's in-memory path alone.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class RateLimitCostBenchmark {

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    MeterRegistry registry;

    @Inject
    Pool pool;

    @Test
    void measure() throws Exception {
        CostLoop load = new CostLoop(gateway);
        load.run("warm-up", 5_000);
        double before = statements();
        CostLoop.Result on = load.run("limits on (defaults)", 20_000);
        double sent = statements() - before;
        CostLoop.report(on.row() + String.format(" %.3f statements per request |", sent / on.requests()));
        CostLoop.report(leaseLatency());
        CostLoop.report(inMemory());
    }

    private double statements() {
        return registry.get("switchboard.rate.limit.lease.statements")
                .functionCounter()
                .count();
    }

    /** 2,000 lease statements one after the other, each for a caller's and an org's counter. */
    private String leaseLatency() {
        PgCounterStore store = new PgCounterStore(pool);
        Rate rate = new Rate(1_000_000, 10);
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 500; i++) {
            lease(store, rate, run, i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            lease(store, rate, run, i);
        }
        return String.format(
                "lease statement (2 counters), one at a time: %.3f ms each", (System.nanoTime() - t0) / 1e6 / 2_000);
    }

    private static void lease(PgCounterStore store, Rate rate, String run, int i) {
        long now = System.currentTimeMillis() * 1000;
        store.lease(List.of(
                        new CounterStore.Ask("caller/10s/" + run + (i % 50), rate, 10, now),
                        new CounterStore.Ask("org/10s/" + run, rate, 20, now)))
                .await()
                .indefinitely();
    }

    /** The limiter alone, its store answering at once: a request's two demands taken from leased blocks. */
    private static String inMemory() {
        CounterStore instant = new CounterStore() {
            @Override
            public Uni<List<Grant>> lease(List<Ask> asks) {
                List<Grant> grants = new ArrayList<>();
                for (Ask a : asks) {
                    grants.add(new Grant(a.ask(), a.rate().window(a.nowMicros()), 0, 0));
                }
                return Uni.createFrom().item(grants);
            }

            @Override
            public Uni<Integer> deleteStale(long nowMicros) {
                return Uni.createFrom().item(0);
            }
        };
        QuotaLeases leases = new QuotaLeases(instant, Clock.systemUTC(), 20);
        Rate rate = new Rate(Rate.MAX_QUOTA, 10);
        List<List<Demand>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(
                    List.of(new Demand("caller", "user:" + i, rate, 1), new Demand("org", "org:" + i % 40, rate, 1)));
        }
        int n = 2_000_000;
        for (int i = 0; i < n / 4; i++) {
            leases.acquire(requests.get(i % 200)).await().indefinitely();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            leases.acquire(requests.get(i % 200)).await().indefinitely();
        }
        return String.format(
                "in memory (2 demands per request, one thread): %.0f ns per request",
                (System.nanoTime() - t0) / (double) n);
    }
}
