package dev.switchboard.platform.web.http;

import dev.switchboard.platform.web.error.ErrorBodies;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * The largest request body: {@code switchboard.http.max-json-body} (1 MB) on every route but the service's
 * {@link UploadRoute}, if it has one. A request whose {@code Content-Length} announces more is answered 413
 * {@code payload_too_large} in the one error body before its body is read; a body sent without a length is
 * counted as it is read ({@link ReadSizeLimit}, and the upload itself).
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long jsonLimit;
    private final UploadRoute upload;

    public RequestSizeLimit(HttpConfig http, Instance<UploadRoute> upload) {
        this.jsonLimit = http.maxJsonBody().asLongValue();
        this.upload = upload.isResolvable() ? upload.get() : null;
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
        boolean isUpload = isUpload(ctx);
        long limit = isUpload ? upload.maxBody() : jsonLimit;
        if (length != null && announced(length) > limit) {
            String field = isUpload ? upload.field() : null;
            ErrorBodies.end(
                    ctx,
                    413,
                    "payload_too_large",
                    (field == null ? "the request body" : field) + " must be at most " + limit + " bytes",
                    field);
            return;
        }
        ctx.next();
    }

    private boolean isUpload(RoutingContext ctx) {
        return upload != null
                && ctx.request().method() == HttpMethod.POST
                && upload.path().equals(ctx.normalizedPath());
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
