package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.config.FilesConfig;
import dev.switchboard.gateway.config.HttpConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The largest request body: {@code switchboard.http.max-json-body} (1 MB) on every route but the file upload,
 * {@code switchboard.files.max-size} plus the multipart envelope on {@code POST /api/v1/files}. A request whose
 * {@code Content-Length} announces more is answered 413 {@code payload_too_large} in the one error body before
 * its body is read; a body sent without a length is counted as it is read ({@link ReadSizeLimit}, and the upload
 * itself).
 */
@ApplicationScoped
public class RequestSizeLimit {

    static final String UPLOAD_PATH = "/api/v1/files";

    private final long jsonLimit;
    private final long uploadLimit;

    public RequestSizeLimit(HttpConfig http, FilesConfig files) {
        this.jsonLimit = http.maxJsonBody().asLongValue();
        this.uploadLimit = files.maxSize().asLongValue() + files.requestOverhead().asLongValue();
    }

    /**
     * Just after the routes of the very first order (those that add headers to every answer get to add them to a
     * 413 too), well before Quarkus' own limit ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}), which answers an
     * empty body.
     */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitFor(ctx);
        if (length != null && announced(length) > limit) {
            ErrorBodies.end(ctx, 413, "payload_too_large", "the request body must be at most " + limit + " bytes",
                    null);
            return;
        }
        ctx.next();
    }

    long limitFor(RoutingContext ctx) {
        boolean upload = ctx.request().method() == HttpMethod.POST && UPLOAD_PATH.equals(ctx.normalizedPath());
        return upload ? uploadLimit : jsonLimit;
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
