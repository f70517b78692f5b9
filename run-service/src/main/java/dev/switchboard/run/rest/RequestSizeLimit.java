package dev.switchboard.run.rest;

import dev.switchboard.run.config.HttpConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The largest request body, {@code switchboard.http.max-json-body} (1 MB): a request whose {@code Content-Length}
 * announces more is answered 413 {@code payload_too_large} in the one error body before its body is read; a body
 * sent without a length is counted as it is read ({@link ReadSizeLimit}).
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long limit;

    public RequestSizeLimit(HttpConfig http) {
        this.limit = http.maxJsonBody().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && announced(length) > limit) {
            ErrorBodies.end(ctx, 413, "payload_too_large", "the request body must be at most " + limit + " bytes",
                    null);
            return;
        }
        ctx.next();
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
