package dev.switchboard.gateway.ratelimit;

import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Locale;

/**
 * The headers of draft-ietf-httpapi-ratelimit-headers (structured fields): {@code RateLimit-Policy} lists every
 * policy of the route ({@code "caller";q=200;w=10, "org";q=1000;w=10}), {@code RateLimit} the one closest to
 * exhaustion ({@code "caller";r=37;t=4}), and a refusal adds {@code Retry-After} (seconds).
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String CURRENT = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {}

    static String policies(List<Demand> demands) {
        StringBuilder value = new StringBuilder();
        for (Demand d : demands) {
            if (!value.isEmpty()) {
                value.append(", ");
            }
            value.append('"')
                    .append(d.policy())
                    .append("\";q=")
                    .append(d.rate().quota())
                    .append(";w=")
                    .append(d.rate().windowSeconds());
        }
        return value.toString();
    }

    static String current(Usage usage) {
        return "\"" + usage.policy() + "\";r=" + usage.remaining() + ";t=" + usage.resetSeconds();
    }

    /** Sets the headers on the response (replacing earlier values, e.g. the filter's before a run is charged). */
    static void write(HttpServerResponse response, List<Demand> policies, Verdict verdict) {
        response.headers().set(POLICY, policies(policies));
        response.headers().set(CURRENT, current(verdict.closest()));
        if (!verdict.allowed()) {
            response.headers().set(RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
        }
    }

    /** The message of a 429: what was exceeded, the policy, and when to retry. */
    static String message(Verdict verdict) {
        Usage usage = verdict.closest();
        String what = switch (usage.policy()) {
            case RateLimiter.CALLER -> "too many requests from this caller";
            case RateLimiter.ORG -> "too many requests from this organisation";
            case RateLimiter.CALLER_RUNS -> "too many runs started by this caller";
            case RateLimiter.ORG_RUNS -> "too many runs started in this organisation";
            case RateLimiter.ADDRESS -> "too many failed authentications from this address";
            default -> "rate limit " + usage.policy() + " exceeded";
        };
        return String.format(
                Locale.ROOT,
                "%s (%d per %d s): retry in %d s",
                what,
                usage.rate().quota(),
                usage.rate().windowSeconds(),
                verdict.retryAfterSeconds());
    }
}
