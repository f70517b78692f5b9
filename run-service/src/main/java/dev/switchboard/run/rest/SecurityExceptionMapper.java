package dev.switchboard.run.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** No valid internal token: 401 {@code unauthenticated}; a token without the right: 403. */
public class SecurityExceptionMapper {

    private static final String NEEDS_TOKEN = "a valid internal token is required (Authorization: Bearer <jwt>)";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ErrorBody.response(401, "unauthenticated", NEEDS_TOKEN, null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ErrorBody.response(401, "unauthenticated", NEEDS_TOKEN, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ErrorBody.response(403, "permission_denied", "this token may not do that", null);
    }
}
