package dev.switchboard.gateway.ratelimit;

import dev.switchboard.gateway.security.ApiKeyAuthenticationMechanism;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Failed authentications per client address ({@link ClientAddress}): every {@code /api} answer 401 to a request
 * that presented credentials ({@code Authorization} or {@code x-api-key}) counts one. Once an address has used
 * up {@code switchboard.gateway.rate-limits.failed-auth.per-address} (30 in any 60 s), its requests that
 * present credentials are answered 429 before any verification until the window allows another attempt. Requests without credentials are
 * neither counted nor refused here: they guess nothing (the security check answers them 401).
 */
@ApplicationScoped
public class FailedAuthGuard {

    /** Before the REST resources, where authentication happens (lazily, when the security check asks for it). */
    static final int ORDER = -1;

    private final RateLimiter limiter;

    public FailedAuthGuard(RateLimiter limiter) {
        this.limiter = limiter;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        if (!limiter.enabled() || !presentsCredentials(ctx.request())) {
            ctx.next();
            return;
        }
        String address = ClientAddress.of(ctx.request());
        if (limiter.refusesAddress(address)) {
            refuse(ctx, address);
            return;
        }
        ctx.addHeadersEndHandler(ignored -> {
            if (ctx.response().getStatusCode() == 401) {
                limiter.recordFailedAuthentication(address);
            }
        });
        ctx.next();
    }

    private void refuse(RoutingContext ctx, String address) {
        Demand demand = limiter.failedAuthentication(address);
        Verdict verdict = Verdict.refused(List.of(limiter.refusal(demand)));
        RateLimitHeaders.write(ctx.response(), List.of(demand), verdict);
        ctx.response()
                .setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject()
                        .put(
                                "error",
                                new JsonObject()
                                        .put("code", RateLimitedException.CODE)
                                        .put("message", RateLimitHeaders.message(verdict)))
                        .encode());
    }

    private static boolean presentsCredentials(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(ApiKeyAuthenticationMechanism.API_KEY_HEADER) != null;
    }
}
