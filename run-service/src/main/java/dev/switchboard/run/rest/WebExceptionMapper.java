package dev.switchboard.run.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The JAX-RS routing failures, in the error body. */
public class WebExceptionMapper {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ErrorBody.response(404, "not_found", "no such route", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return ErrorBody.response(405, "invalid_argument", "method not allowed on this route", null);
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return ErrorBody.response(415, "invalid_argument", "the body must be application/json", null);
    }

    /** Any other JAX-RS failure, e.g. the 400 around a body Jackson could not read; never a stack trace. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonExceptionMapper.toResponse(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return ErrorBody.response(status, ErrorBody.codeFor(status), message(status), null);
    }

    private static String message(int status) {
        return status < 500 ? "the request cannot be served (HTTP " + status + ")" : "the request failed; retry later";
    }
}
