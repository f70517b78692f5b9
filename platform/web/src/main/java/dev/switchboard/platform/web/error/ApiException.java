package dev.switchboard.platform.web.error;

import java.util.Map;

/**
 * A failure the API answers with a given status, code, message and (optionally) the field at fault, in the one
 * {@link ErrorBody}. The factories take the message first, then the field.
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

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, "unauthenticated", message, null);
    }

    public static ApiException permissionDenied(String message, String field) {
        return new ApiException(403, "permission_denied", message, field);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    public static ApiException notFound(String message, String field) {
        return new ApiException(404, "not_found", message, field);
    }

    public static ApiException conflict(String message, String field) {
        return new ApiException(409, "conflict", message, field);
    }

    public static ApiException badGateway(String message) {
        return new ApiException(502, "bad_gateway", message, null);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "unavailable", message, null);
    }

    /**
     * {@code failure} with its field renamed when {@code names} maps it (a service's internal name to the one the
     * client wrote, e.g. {@code threadId} to {@code conversation_id}); any other failure as it is.
     */
    public static Throwable renamingField(Throwable failure, Map<String, String> names) {
        if (failure instanceof ApiException api && api.field != null && names.containsKey(api.field)) {
            return new ApiException(api.status, api.code, api.getMessage(), names.get(api.field));
        }
        return failure;
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
