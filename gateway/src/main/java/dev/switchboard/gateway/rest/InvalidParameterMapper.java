package dev.switchboard.gateway.rest;

import dev.switchboard.platform.web.error.ErrorBody;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A parameter {@link TextParameters} refused: 400 {@code invalid_argument} naming the parameter. */
public class InvalidParameterMapper {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e) {
        return ErrorBody.response(400, "invalid_argument", e.getMessage(), e.parameter());
    }
}
