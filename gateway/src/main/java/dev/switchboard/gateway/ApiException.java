package dev.switchboard.gateway;

/**
 * A failure the public API answers with a given status, code, message and (optionally) the field at fault:
 * the gateway's own checks, and a service's answer passed on to the client.
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

    public static ApiException invalid(String message, String field) {
        return new ApiException(400, "invalid_argument", message, field);
    }

    public static ApiException notFound(String message, String field) {
        return new ApiException(404, "not_found", message, field);
    }

    public static ApiException permissionDenied(String message, String field) {
        return new ApiException(403, "permission_denied", message, field);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, "unauthenticated", message, null);
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
