package dev.switchboard.platform.web.downstream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.web.Causes;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.platform.web.error.ErrorBody;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.WriteTimeoutException;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What the caller sees when a call to another service fails, the same in every service that calls another: a
 * downstream 4xx passes through with its status and error body, except a 401, which means our internal token was
 * refused (not the caller's): 502 {@code bad_gateway}; a service that cannot be reached, does not answer in time
 * or answers 503 is 503 {@code unavailable} (with {@code Retry-After}), and so is a connection that broke after the
 * request was sent (the callee stopped: another replica answers the retry); any other 5xx, or an answer that cannot be read, is 502. A 5xx never
 * names the service nor passes its message on: it says what the caller can do, and the detail is logged here.
 */
public final class DownstreamErrors {

    /** What a caller can do about a service that is down or slow for a moment. */
    public static final String RETRY = "retry in a few seconds";

    public static final String UNAVAILABLE = "a backend service is temporarily unavailable; " + RETRY;
    public static final String FAILED = "a backend service failed; retry later";

    private static final Logger LOG = Logger.getLogger(DownstreamErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Class<? extends Throwable>> TIMEOUTS = List.of(
            TimeoutException.class,
            NoStackTraceTimeoutException.class,
            ReadTimeoutException.class,
            WriteTimeoutException.class,
            SocketTimeoutException.class);
    private static final List<Class<? extends Throwable>> CONNECTION_FAILURES = List.of(
            ConnectException.class,
            NoRouteToHostException.class,
            UnknownHostException.class,
            ClosedChannelException.class,
            HttpClosedException.class);

    private final String service;
    private final Duration timeout;

    /** {@code service} names the callee in logs only; {@code timeout} is the deadline the caller put on the call. */
    public DownstreamErrors(String service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    public ApiException translate(Throwable failure) {
        ApiException own = Causes.find(failure, ApiException.class);
        if (own != null) {
            return own; // our own refusal, also when it cut a call short (a file too large)
        }
        if (failure instanceof WebApplicationException e && e.getResponse() != null) {
            return fromResponse(e.getResponse());
        }
        if (isTimeout(failure)) {
            LOG.warnf("%s did not answer within %s", service, duration(timeout));
            return ApiException.unavailable(
                    "a backend service did not answer within " + duration(timeout) + "; " + RETRY);
        }
        if (isConnectionFailure(failure) || isLostAfterSent(failure)) {
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
            LOG.errorf(
                    "%s refused our internal token: check smallrye.jwt.sign.key.location and the services' "
                            + "mp.jwt.verify.publickey.location",
                    service);
            return ApiException.badGateway(FAILED);
        }
        if (status >= 500) {
            LOG.warnf("%s answered HTTP %d: %s", service, status, text(error, "message"));
            return status == 503 ? ApiException.unavailable(UNAVAILABLE) : ApiException.badGateway(FAILED);
        }
        String code = text(error, "code");
        String message = text(error, "message");
        return new ApiException(
                status,
                code != null ? code : ErrorBody.codeFor(status),
                message != null ? message : "the request was refused (HTTP " + status + ")",
                text(error, "field"));
    }

    /** A downstream 404: what a client that turns 404 into "absent" recovers from. */
    public static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException e
                && e.getResponse() != null
                && e.getResponse().getStatus() == 404;
    }

    /**
     * The call's deadline passed: Mutiny's ({@code ifNoItem().after(...).fail()}), the HTTP client's (Vert.x's
     * request timeout, Netty's read or write timeout) or a socket's.
     */
    public static boolean isTimeout(Throwable failure) {
        return Causes.anyOf(failure, TIMEOUTS);
    }

    /** The service could not be reached, or closed the connection before it answered. */
    public static boolean isConnectionFailure(Throwable failure) {
        return Causes.anyOf(failure, CONNECTION_FAILURES);
    }

    /**
     * The request was sent, but the connection broke before the whole answer came (the callee's process stopped, a
     * reset): the callee may have acted on it. Not a connection refused (never sent), not a timeout, not an answer
     * nor a body that could not be read.
     */
    public static boolean isLostAfterSent(Throwable failure) {
        if (Causes.find(failure, WebApplicationException.class) != null
                || Causes.find(failure, ApiException.class) != null
                || Causes.find(failure, ConnectException.class) != null
                || Causes.find(failure, JacksonException.class) != null
                || isTimeout(failure)) {
            return false;
        }
        return Causes.any(failure, t -> t instanceof IOException || t instanceof HttpClosedException);
    }

    /** Whole seconds as {@code 10 s}, anything shorter as {@code 200 ms}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
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
}
