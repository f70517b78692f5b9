package dev.switchboard.thread.rest;

import dev.switchboard.thread.config.FilesConfig;
import dev.switchboard.thread.config.HttpConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The largest request body: {@code switchboard.http.max-json-body} (1 MB) on every route but the file upload,
 * {@code switchboard.files.max-size} (20 MiB) on {@code POST /internal/files}. A request whose
 * {@code Content-Length} announces more is answered 413 {@code payload_too_large} in the one error body before its
 * body is read; a body sent without a length is counted as it is read ({@link ReadSizeLimit}, and the upload
 * itself).
 */
@ApplicationScoped
public class RequestSizeLimit {

    static final String UPLOAD_PATH = "/internal/files";

    private final long jsonLimit;
    private final long uploadLimit;

    public RequestSizeLimit(HttpConfig http, FilesConfig files) {
        this.jsonLimit = http.maxJsonBody().asLongValue();
        this.uploadLimit = files.maxSize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean upload = isUpload(ctx);
        long limit = upload ? uploadLimit : jsonLimit;
        if (length != null && announced(length) > limit) {
            // the body of an upload is the file
            ErrorBodies.end(ctx, 413, "payload_too_large", upload ? "file must be at most " + limit + " bytes"
                    : "the request body must be at most " + limit + " bytes", upload ? "file" : null);
            return;
        }
        ctx.next();
    }

    static boolean isUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && UPLOAD_PATH.equals(ctx.normalizedPath());
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
