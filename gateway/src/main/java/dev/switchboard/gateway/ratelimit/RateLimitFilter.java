package dev.switchboard.gateway.ratelimit;

import dev.switchboard.platform.web.error.ErrorBody;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits every authenticated {@code /api} request once it is matched to a resource (the security check has
 * authenticated it by then): requests per caller and per org, and runs started per caller and per org on the
 * routes that start one ({@link RunRoutes}). Every answer carries {@code RateLimit-Policy} and
 * {@code RateLimit}; a refusal is 429 {@code rate_limited} with {@code Retry-After}, and nothing is forwarded.
 */
public class RateLimitFilter {

    /** The request's verdict, for {@link RunQuota} to combine with the runs it charges later. */
    static final String VERDICT = RateLimitFilter.class.getName() + ".verdict";

    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(RoutingContext routing) {
        String path = routing.normalizedPath();
        if (!limiter.enabled() || !path.startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().flatMap(identity -> {
            Subject subject = Subject.of(identity);
            if (subject == null) {
                return Uni.createFrom().nullItem();
            }
            String method = routing.request().method().name();
            List<Demand> demands = limiter.requestDemands(subject, RunRoutes.startedOnArrival(method, path));
            List<Demand> advertised = demands;
            if (RunRoutes.countedByResource(method, path)) {
                advertised = new ArrayList<>(demands);
                advertised.addAll(limiter.runDemands(subject, 0));
            }
            List<Demand> policies = advertised;
            return limiter.acquire(demands).map(verdict -> {
                Verdict shown = verdict.allowed() ? withPeeks(verdict, policies, demands) : verdict;
                RateLimitHeaders.write(routing.response(), policies, shown);
                if (verdict.allowed()) {
                    routing.put(VERDICT, verdict);
                    return null;
                }
                return ErrorBody.response(429, RateLimitedException.CODE, RateLimitHeaders.message(verdict), null);
            });
        });
    }

    /** The verdict with where the advertised policies that were not charged stand (the runs of 004 and teams). */
    private Verdict withPeeks(Verdict verdict, List<Demand> policies, List<Demand> charged) {
        if (policies.size() == charged.size()) {
            return verdict;
        }
        List<Usage> usages = new ArrayList<>(verdict.usages());
        for (Demand d : policies.subList(charged.size(), policies.size())) {
            usages.add(limiter.peek(d));
        }
        return new Verdict(true, usages);
    }
}
