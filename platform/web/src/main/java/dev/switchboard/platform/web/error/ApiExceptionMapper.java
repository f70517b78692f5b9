package dev.switchboard.platform.web.error;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@link ApiException}: the status, code, message and field the exception carries. */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response map(ApiException e) {
        return ErrorBody.response(e.status(), e.code(), e.getMessage(), e.field());
    }
}
