package dev.switchboard.platform.web.error;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * A request that fails in the HTTP layer rather than in a resource (a body too large for it, a security check of
 * the HTTP layer, a failure no exception mapper answered) ends with the one JSON error body, never Quarkus'
 * default page. A 5xx says only that it failed; the failure is logged here.
 */
@Singleton
public class FailureRoute {

    private static final Logger LOG = Logger.getLogger(FailureRoute.class);

    private final AuthenticationMessages messages;

    public FailureRoute(AuthenticationMessages messages) {
        this.messages = messages;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten()) {
            LOG.warnf(
                    "request %s %s failed after its answer began: %s",
                    ctx.request().method(), ctx.request().path(), String.valueOf(failure));
            ctx.response().close();
            return;
        }
        int status = statusOf(ctx.statusCode(), failure);
        if (status >= 500) {
            LOG.errorf(
                    failure,
                    "request %s %s failed",
                    ctx.request().method(),
                    ctx.request().path());
        }
        String message = status == 401 ? messages.missing() : messageFor(status);
        ErrorBodies.end(ctx, status, ErrorBody.codeFor(status), message, null);
    }

    static int statusOf(int status, Throwable failure) {
        if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            return 401;
        }
        if (failure instanceof ForbiddenException) {
            return 403;
        }
        if (failure instanceof HttpException http) {
            return http.getStatusCode();
        }
        return status >= 400 && status <= 599 ? status : 500;
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "the request is invalid";
            case 403 -> "this call is not allowed";
            case 404 -> "no such resource";
            case 405 -> "method not allowed";
            case 413 -> "the request body is too large";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            default -> status >= 500 ? "the request failed; retry later" : "the request cannot be served";
        };
    }
}
