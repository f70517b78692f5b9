package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.ApiException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The gateway's own refusals and the services' answers it passes on: the status, code, message and field. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        return ErrorResponse.response(e.status(), e.code(), e.getMessage(), e.field());
    }
}
