package dev.switchboard.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.infra.Ports;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas, each with its own connection pool and leases, sharing the buckets of the gateway's
 * database: together they never serve more than a bucket allows, and a bucket refills with time.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class SharedCountersTest {

    @Inject
    Vertx vertx;

    final List<Pool> pools = new ArrayList<>();
    final MutableClock clock = new MutableClock(Instant.ofEpochSecond(2_000_000_000L));
    final String subject = "test:" + UUID.randomUUID();

    @BeforeEach
    void twoPools() {
        pools.add(pool());
        pools.add(pool());
    }

    @AfterEach
    void closePools() {
        pools.forEach(p -> p.close().await().indefinitely());
    }

    @Test
    void twoReplicasTogetherNeverServeMoreThanTheQuota() {
        // no refill to speak of within the test: 100 per hour
        Demand demand = new Demand("caller", subject, new Rate(100, 3600), 1);
        QuotaLeases a = new QuotaLeases(new PgCounterStore(pools.get(0)), clock, 20);
        QuotaLeases b = new QuotaLeases(new PgCounterStore(pools.get(1)), clock, 20);
        AtomicInteger allowed = new AtomicInteger();
        List<Uni<Verdict>> attempts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            attempts.add((i % 2 == 0 ? a : b).acquire(List.of(demand)).invoke(v -> {
                if (v.allowed()) {
                    allowed.incrementAndGet();
                }
            }));
        }
        // all 400 at once, on the replicas' own pools
        Uni.join().all(attempts).andFailFast().await().atMost(Duration.ofSeconds(30));

        assertTrue(allowed.get() <= 100, "served " + allowed.get() + " of a quota of 100");
        // each replica may keep less than one block (5 units) leased and unused
        assertTrue(allowed.get() >= 100 - 2 * 4, "served only " + allowed.get());
        assertTrue(
                a.statements() + b.statements() <= 60,
                "blocks, not a statement per request: " + (a.statements() + b.statements()));
        Verdict refused = a.acquire(List.of(demand)).await().indefinitely();
        assertFalse(refused.allowed());
        assertEquals("caller", refused.closest().policy());
        assertTrue(
                refused.retryAfterSeconds() > 0 && refused.retryAfterSeconds() <= 7200,
                "refused for " + refused.retryAfterSeconds() + " s");
    }

    @Test
    void aRefusedCallerIsServedAgainAsTheWindowSlides() {
        // 10 per 10 s, starting 2 s into a window
        clock.set(Instant.ofEpochSecond(2_000_000_000L + 2));
        Demand demand = new Demand("caller", subject, new Rate(10, 10), 1);
        QuotaLeases a = new QuotaLeases(new PgCounterStore(pools.get(0)), clock, 20);
        QuotaLeases b = new QuotaLeases(new PgCounterStore(pools.get(1)), clock, 20);
        for (int i = 0; i < 10; i++) {
            assertTrue(a.acquire(List.of(demand)).await().indefinitely().allowed(), "request " + i);
        }
        Verdict refused = b.acquire(List.of(demand)).await().indefinitely();
        assertFalse(refused.allowed(), "the other replica shares the counter");
        // the 10 count fully until the window ends in 8 s, then weigh less as it slides: one more 1 s later
        assertEquals(9, refused.retryAfterSeconds());
        assertFalse(a.acquire(List.of(demand)).await().indefinitely().allowed());

        clock.advance(Duration.ofSeconds(8));
        assertFalse(b.acquire(List.of(demand)).await().indefinitely().allowed(), "the window just ended");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(b.acquire(List.of(demand)).await().indefinitely().allowed(), "a tenth of the window slid by");
        assertFalse(a.acquire(List.of(demand)).await().indefinitely().allowed(), "and only one");

        clock.advance(Duration.ofSeconds(20));
        int served = 0;
        for (int i = 0; i < 15; i++) {
            served += (i % 2 == 0 ? a : b)
                            .acquire(List.of(demand))
                            .await()
                            .indefinitely()
                            .allowed()
                    ? 1
                    : 0;
        }
        assertEquals(10, served, "with nothing sent for a whole window, the whole quota");
    }

    @Test
    void aRequestTakesAllOfItsDemandsOrNone() {
        Rate five = new Rate(5, 3600);
        Demand caller = new Demand("caller", subject, five, 1);
        Demand org = new Demand("org", subject, new Rate(3, 3600), 1);
        QuotaLeases a = new QuotaLeases(new PgCounterStore(pools.get(0)), clock, 20);
        for (int i = 0; i < 3; i++) {
            assertTrue(a.acquire(List.of(caller, org)).await().indefinitely().allowed());
        }
        Verdict refused = a.acquire(List.of(caller, org)).await().indefinitely();
        assertFalse(refused.allowed());
        assertEquals("org", refused.closest().policy());
        assertEquals(2, a.peek(caller).remaining(), "the refused request took nothing from the caller's bucket");
        assertTrue(a.acquire(List.of(caller)).await().indefinitely().allowed());
    }

    @Test
    void countersWhoseWindowsHaveEndedAreDeleted() {
        PgCounterStore store = new PgCounterStore(pools.get(0));
        QuotaLeases a = new QuotaLeases(store, clock, 20);
        Demand demand = new Demand("caller", subject, new Rate(10, 10), 1);
        assertTrue(a.acquire(List.of(demand)).await().indefinitely().allowed());
        long now = clock.millis() * 1000;
        store.deleteStale(now + 19_000_000).await().indefinitely();
        assertEquals(1, rows(demand), "the counter still weighs in the next window");
        store.deleteStale(now + 20_000_000).await().indefinitely();
        assertEquals(0, rows(demand));
    }

    private long rows(Demand demand) {
        return pools.get(0)
                .preparedQuery("select count(*) from rate_limit_buckets where bucket = $1")
                .execute(Tuple.of(demand.bucket()))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void withoutTheDatabaseEachReplicaStillLimitsOnItsOwn() throws Exception {
        // a database nobody listens for: every lease statement fails at once
        Pool nowhere = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1))
                .connectingTo(new PgConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(Ports.free())
                        .setUser("nobody")
                        .setPassword("nothing")
                        .setDatabase("none"))
                .using(vertx)
                .build());
        pools.add(nowhere);
        QuotaLeases alone = new QuotaLeases(new PgCounterStore(nowhere), clock, 20);
        Demand demand = new Demand("caller", subject, new Rate(10, 3600), 1);
        int served = 0;
        for (int i = 0; i < 20; i++) {
            served += alone.acquire(List.of(demand)).await().indefinitely().allowed() ? 1 : 0;
        }
        assertEquals(10, served);
    }

    private Pool pool() {
        var config = ConfigProvider.getConfig();
        PgConnectOptions connect = PgConnectOptions.fromUri(
                        config.getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(4))
                .connectingTo(connect)
                .using(vertx)
                .build());
    }
}
