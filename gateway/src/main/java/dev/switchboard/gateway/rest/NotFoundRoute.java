package dev.switchboard.gateway.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Any path no route serves: 404 in the error body, not an empty or HTML page. */
@Singleton
public class NotFoundRoute {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> ctx.response()
                .setStatusCode(404)
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", new JsonObject()
                        .put("code", "not_found")
                        .put("message", "no such route: " + ctx.request().path())).encode()));
    }
}
