package dev.switchboard.run.rest;

import dev.switchboard.run.ApiException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@link ApiException}: its status, code, message and field. */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response map(ApiException e) {
        return ErrorBody.response(e.status(), e.code(), e.getMessage(), e.field());
    }
}
