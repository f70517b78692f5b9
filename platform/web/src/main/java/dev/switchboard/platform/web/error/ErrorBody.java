package dev.switchboard.platform.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one error body of every 4xx/5xx answer: {@code {"error": {"code", "message", "field"?}}}. A 503 always says
 * when to retry ({@code Retry-After}, {@link #RETRY_AFTER_SECONDS} unless the thrower set its own).
 */
public record ErrorBody(Error error) {

    /** The retry hint of every 503: the service, or the replica that takes over, is back within seconds. */
    public static final int RETRY_AFTER_SECONDS = 2;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String field) {}

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(new Error(code, message, field));
    }

    public static Response response(int status, String code, String message, String field) {
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(code, message, field));
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (status == 413) {
            // the rest of the body is not read: the connection cannot serve another request
            builder.header("Connection", "close");
        }
        if (status == 503) {
            builder.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return builder.build();
    }

    /** The code of a status: the one status-to-code mapping (docs/internal-api.md). */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "invalid_argument";
            case 401 -> "unauthenticated";
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 422 -> "unprocessable";
            case 502 -> "bad_gateway";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "invalid_argument";
        };
    }
}
