package dev.switchboard.run;

/**
 * A failure the API answers as {@code {"error": {"code", "message", "field"}}} with the given status.
 * Thrown by validation, by lookups that find nothing, and by the clients when a downstream service
 * refuses or cannot be reached.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_argument", message, field);
    }

    public static ApiException notFound(String field, String message) {
        return new ApiException(404, "not_found", message, field);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "unavailable", message, null);
    }

    public static ApiException badGateway(String message) {
        return new ApiException(502, "bad_gateway", message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
