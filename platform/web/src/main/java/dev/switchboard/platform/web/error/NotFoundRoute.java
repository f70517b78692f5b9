package dev.switchboard.platform.web.error;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Any path no route serves: 404 in the one error body, not an empty or HTML page. */
@Singleton
public class NotFoundRoute {

    void install(@Observes Router router) {
        router.route()
                .order(Integer.MAX_VALUE)
                .handler(ctx -> ErrorBodies.end(
                        ctx, 404, "not_found", "no such route: " + ctx.request().path(), null));
    }
}
