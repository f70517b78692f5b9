package dev.switchboard.run.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.run.ApiException;
import dev.switchboard.run.config.RunsConfig;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.function.Supplier;

/**
 * How the clients call another service: a timeout on every call, a retry with back-off of idempotent
 * calls whose connection failed, and the failure turned into the {@link ApiException} run-service answers
 * (a downstream 4xx passes through with its code and field; a service that cannot be reached, is too slow or
 * answers 503 is 503; another 5xx is 502). A 5xx never names the service nor passes its message on: it says what
 * the client can do, and the detail is logged here.
 */
final class DownstreamCall {

    /** What a client can do about a service that is down or slow for a moment. */
    static final String RETRY = "retry in a few seconds";
    static final String UNAVAILABLE = "a backend service is temporarily unavailable; " + RETRY;
    static final String FAILED = "a backend service failed; retry later";

    private static final Logger LOG = Logger.getLogger(DownstreamCall.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final RunsConfig.Client config;

    DownstreamCall(String service, RunsConfig.Client config) {
        this.service = service;
        this.config = config;
    }

    /** A call that may be sent again: retried when the connection failed. */
    <T> Uni<T> idempotent(Supplier<Uni<? extends T>> call) {
        return once(call)
                .onFailure(DownstreamCall::isConnectionError).retry()
                .withBackOff(config.retryBackoff(), config.retryBackoff().multipliedBy(8))
                .atMost(config.retries());
    }

    /** A call that must not be repeated. */
    <T> Uni<T> once(Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(call)
                .ifNoItem().after(config.timeout()).fail();
    }

    static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse() != null
                && e.getResponse().getStatus() == 404;
    }

    static boolean isConnectionError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof ClosedChannelException
                    || t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** The answer run-service gives for a failed call. */
    ApiException translate(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof WebApplicationException e && e.getResponse() != null) {
            return fromResponse(e.getResponse());
        }
        if (failure instanceof TimeoutException) {
            LOG.warnf("%s did not answer within %d ms", service, config.timeout().toMillis());
            return ApiException.unavailable("a backend service did not answer within " + config.timeout().toMillis()
                    + " ms; " + RETRY);
        }
        if (isConnectionError(failure)) {
            LOG.warnf("%s cannot be reached: %s", service, failure);
            return ApiException.unavailable(UNAVAILABLE);
        }
        LOG.warnf(failure, "call to %s failed", service);
        return ApiException.badGateway(FAILED);
    }

    private ApiException fromResponse(Response response) {
        int status = response.getStatus();
        JsonNode error = errorBody(response);
        if (status >= 500) {
            LOG.warnf("%s answered HTTP %d: %s", service, status, text(error, "message"));
            return status == 503 ? ApiException.unavailable(UNAVAILABLE) : ApiException.badGateway(FAILED);
        }
        String code = text(error, "code");
        String message = text(error, "message");
        return new ApiException(status,
                code != null ? code : defaultCode(status),
                message != null ? message : "the request was refused (HTTP " + status + ")",
                text(error, "field"));
    }

    private static JsonNode errorBody(Response response) {
        try {
            String body = response.readEntity(String.class);
            return body == null || body.isBlank() ? null : JSON.readTree(body).get("error");
        } catch (RuntimeException | java.io.IOException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "invalid_argument";
            case 401 -> "unauthenticated";
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 422 -> "unprocessable";
            default -> "invalid_argument";
        };
    }
}
