package dev.switchboard.gateway.ratelimit;

import dev.switchboard.gateway.ratelimit.RateLimitConfig.OrgLimits;
import dev.switchboard.gateway.ratelimit.RateLimitConfig.RateOverrides;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The gateway's limits: which policies apply to a subject (the defaults, or its org's overrides) and their
 * counters, shared with the other replicas through the gateway's database ({@link QuotaLeases}).
 */
@ApplicationScoped
public class RateLimiter {

    static final String CALLER = "caller";
    static final String ORG = "org";
    static final String CALLER_RUNS = "caller-runs";
    static final String ORG_RUNS = "org-runs";
    static final String ADDRESS = "address";

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final RateLimitConfig config;
    private final QuotaLeases leases;
    private final CounterStore store;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private long cleanupTimer = -1;

    public RateLimiter(RateLimitConfig config, Pool pool, Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.store = new PgCounterStore(pool);
        this.leases = new QuotaLeases(store, Clock.systemUTC(), config.lease().maxBlock());
        this.vertx = vertx;
        this.registry = registry;
        FunctionCounter.builder("switchboard.rate.limit.lease.statements", leases, QuotaLeases::statements)
                .description("statements that leased blocks of quota from the shared counters")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            cleanupTimer = vertx.setPeriodic(config.lease().cleanupEvery().toMillis(), id -> cleanUp());
        }
    }

    @PreDestroy
    void stop() {
        if (cleanupTimer >= 0) {
            vertx.cancelTimer(cleanupTimer);
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The request limits of the subject, plus its run limits when the request starts {@code runs} runs. */
    List<Demand> requestDemands(Subject subject, int runs) {
        List<Demand> demands = new ArrayList<>(4);
        demands.add(new Demand(
                CALLER,
                subject.caller(),
                rate(
                        subject,
                        OrgLimits::requests,
                        RateOverrides::perCaller,
                        config.requests().perCaller()),
                1));
        demands.add(new Demand(
                ORG,
                subject.org(),
                rate(
                        subject,
                        OrgLimits::requests,
                        RateOverrides::perOrg,
                        config.requests().perOrg()),
                1));
        if (runs > 0) {
            demands.addAll(runDemands(subject, runs));
        }
        return demands;
    }

    /** The run limits of the subject, for {@code runs} runs (0: only to advertise them). */
    List<Demand> runDemands(Subject subject, int runs) {
        return List.of(
                new Demand(
                        CALLER_RUNS,
                        subject.caller(),
                        rate(
                                subject,
                                OrgLimits::runs,
                                RateOverrides::perCaller,
                                config.runs().perCaller()),
                        runs),
                new Demand(
                        ORG_RUNS,
                        subject.org(),
                        rate(
                                subject,
                                OrgLimits::runs,
                                RateOverrides::perOrg,
                                config.runs().perOrg()),
                        runs));
    }

    Demand failedAuthentication(String address) {
        return new Demand(ADDRESS, address, config.failedAuth().perAddress(), 1);
    }

    Uni<Verdict> acquire(List<Demand> demands) {
        return leases.acquire(demands).invoke(verdict -> {
            if (!verdict.allowed()) {
                registry.counter(
                                "switchboard.rate.limited",
                                "policy",
                                verdict.closest().policy())
                        .increment();
            }
        });
    }

    Usage peek(Demand demand) {
        return leases.peek(demand);
    }

    Usage refusal(Demand demand) {
        return leases.refusal(demand);
    }

    /** Whether the address has used up its failed authentications for now (as far as this replica knows). */
    boolean refusesAddress(String address) {
        return leases.refuses(failedAuthentication(address));
    }

    /** Counts a failed authentication of the address; the answer (a 401) has already been decided. */
    void recordFailedAuthentication(String address) {
        leases.acquire(List.of(failedAuthentication(address)))
                .subscribe()
                .with(verdict -> {}, failure -> LOG.debugf("failed authentication not counted: %s", failure));
    }

    private Rate rate(
            Subject subject,
            Function<OrgLimits, RateOverrides> kind,
            Function<RateOverrides, Optional<Rate>> scope,
            Rate fallback) {
        OrgLimits org = config.orgs().get(subject.org());
        return org == null ? fallback : scope.apply(kind.apply(org)).orElse(fallback);
    }

    private void cleanUp() {
        leases.sweep();
        store.deleteStale(System.currentTimeMillis() * 1000)
                .subscribe()
                .with(deleted -> {}, failure -> LOG.debugf("stale rate-limit buckets not deleted: %s", failure));
    }
}
