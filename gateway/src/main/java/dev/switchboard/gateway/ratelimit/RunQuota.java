package dev.switchboard.gateway.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the runs a resource starts when only the request tells how many (a seed 004 {@code user} message, a
 * team chat): it fails with {@link RateLimitedException} (429) when the caller's or org's run limit has no room,
 * and brings the response's {@code RateLimit} header up to date either way.
 */
@ApplicationScoped
public class RunQuota {

    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest request;

    public RunQuota(RateLimiter limiter, CurrentIdentityAssociation identities, CurrentVertxRequest request) {
        this.limiter = limiter;
        this.identities = identities;
        this.request = request;
    }

    /** Takes {@code runs} runs from the current caller's and org's run limits, or fails with a 429. */
    public Uni<Void> charge(int runs) {
        if (!limiter.enabled() || runs <= 0) {
            return Uni.createFrom().voidItem();
        }
        RoutingContext routing = request.getCurrent();
        return identities.getDeferredIdentity().flatMap(identity -> {
            Subject subject = Subject.of(identity);
            if (subject == null) {
                return Uni.createFrom().voidItem();
            }
            List<Demand> demands = limiter.runDemands(subject, runs);
            return limiter.acquire(demands).map(verdict -> {
                if (routing != null) {
                    List<Demand> policies = limiter.requestDemands(subject, 0);
                    policies.addAll(demands);
                    RateLimitHeaders.write(routing.response(), policies, withRequests(verdict, routing));
                }
                if (!verdict.allowed()) {
                    throw new RateLimitedException(verdict);
                }
                return null;
            });
        });
    }

    /** An allowed verdict with the request limits the filter charged, so that the header shows the closest. */
    private static Verdict withRequests(Verdict runs, RoutingContext routing) {
        Verdict requests = routing.get(RateLimitFilter.VERDICT);
        if (!runs.allowed() || requests == null) {
            return runs;
        }
        List<Usage> usages = new ArrayList<>(requests.usages());
        usages.addAll(runs.usages());
        return new Verdict(true, usages);
    }
}
