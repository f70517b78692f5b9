package dev.switchboard.gateway.rest;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Headers on every answer of the public port: {@code X-Content-Type-Options: nosniff} (a browser never guesses
 * another type than the one declared), and {@code Cache-Control: no-store} on {@code /api} answers, which carry
 * one caller's data, unless the route chose its own (the SSE streams keep the {@code no-cache} seed 003 asks for).
 * Set when the headers are written, so error answers (401, 404, 5xx) get them too.
 */
@Singleton
public class ResponseHeaders {

    static final String NO_SNIFF = "nosniff";
    static final String NO_STORE = "no-store";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ResponseHeaders::onRequest);
    }

    private static void onRequest(RoutingContext ctx) {
        boolean api = isApi(ctx.request().path());
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", NO_SNIFF);
            if (api && !headers.contains("Cache-Control")) {
                headers.set("Cache-Control", NO_STORE);
            }
        });
        ctx.next();
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
