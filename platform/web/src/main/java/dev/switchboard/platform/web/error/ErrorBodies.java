package dev.switchboard.platform.web.error;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one error body written by route handlers of the HTTP layer, outside Quarkus REST's exception mappers. */
public final class ErrorBodies {

    private ErrorBodies() {}

    public static void end(RoutingContext ctx, int status, String code, String message, String field) {
        JsonObject error = new JsonObject().put("code", code).put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        HttpServerResponse response =
                ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (status == 413) {
            // the rest of the body is not read: the connection cannot serve another request
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        if (status == 503 && !response.headers().contains("Retry-After")) {
            response.putHeader("Retry-After", Integer.toString(ErrorBody.RETRY_AFTER_SECONDS));
        }
        response.end(new JsonObject().put("error", error).encode());
    }
}
