package dev.switchboard.run.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error body: {@code {"error": {"code", "message", "field"}}}; {@code field} only when one is at fault. */
public record ErrorBody(Error error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String field) {
    }

    public static Response response(int status, String code, String message, String field) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Error(code, message, field)))
                .build();
    }
}
