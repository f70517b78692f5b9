package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.config.FilesConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request that announces a body larger than the largest upload ({@code switchboard.files.max-size} plus the
 * multipart overhead) is answered 413 {@code payload_too_large} in the one error body before its body is
 * read. A body without a length that grows beyond {@code quarkus.http.limits.max-body-size} is cut off by
 * Quarkus with a bare 413.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long limit;

    public RequestSizeLimit(FilesConfig config) {
        this.limit = config.maxSize().asLongValue() + config.requestOverhead().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"error\":{\"code\":\"payload_too_large\",\"message\":\"the request body must be at "
                                + "most " + limit + " bytes\"}}");
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
