package dev.switchboard.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.ApiException;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * What the client sees when a service call fails: a service's 4xx passes through with its status and error
 * body; a service that cannot be reached, does not answer in time or answers 503 is 503 {@code unavailable}; any
 * other 5xx, or an answer that cannot be read, is 502 {@code bad_gateway}. A 401 from a service means the
 * gateway's internal token was refused, not the client's: 502 as well. A 5xx never names the service nor passes
 * its message on: it says what the client can do, and the detail is logged here.
 */
public final class DownstreamErrors {

    static final String FAILED = "a backend service failed; retry later";
    static final String UNAVAILABLE = "a backend service is temporarily unavailable; retry in a few seconds";

    private static final Logger LOG = Logger.getLogger(DownstreamErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final Duration timeout;

    public DownstreamErrors(String service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    public ApiException translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException own) {
                return own; // the gateway's own refusal, also when it cut a call short (a file too large)
            }
        }
        if (failure instanceof WebApplicationException e && e.getResponse() != null) {
            return fromResponse(e.getResponse());
        }
        if (isTimeout(failure)) {
            LOG.warnf("%s did not answer within %d s", service, timeout.toSeconds());
            return ApiException.unavailable("a backend service did not answer within " + timeout.toSeconds()
                    + " s; retry in a few seconds");
        }
        if (isConnectionFailure(failure)) {
            LOG.warnf("%s cannot be reached: %s", service, failure);
            return ApiException.unavailable(UNAVAILABLE);
        }
        LOG.warnf(failure, "call to %s failed", service);
        return ApiException.badGateway(FAILED);
    }

    private ApiException fromResponse(Response response) {
        int status = response.getStatus();
        JsonNode error = errorBody(response);
        if (status == 401) {
            LOG.errorf("%s refused the gateway's internal token: check smallrye.jwt.sign.key.location", service);
            return ApiException.badGateway(FAILED);
        }
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

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Mutiny's deadline, and the HTTP client's read timeout (Vert.x and Netty name theirs so too)
            if (t instanceof TimeoutException || t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof ClosedChannelException
                    || t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode errorBody(Response response) {
        try {
            String body = response.readEntity(String.class);
            return body == null || body.isBlank() ? null : JSON.readTree(body).get("error");
        } catch (RuntimeException | IOException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 422 -> "unprocessable";
            default -> "invalid_argument";
        };
    }
}
