package dev.switchboard.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.gateway.security.InvalidApiKey;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Framework failures in the one error body: no token or a token that does not verify (missing, expired,
 * wrongly signed, another issuer, no {@code org} claim) or an API key that is invalid or revoked is 401 with
 * {@code WWW-Authenticate: Bearer};
 * unknown routes, wrong methods and media types keep their status.
 */
public class WebErrorMappers {

    static final String NEEDS_TOKEN = "a valid bearer token is required (Authorization: Bearer <token>)";
    static final String BAD_TOKEN = "the bearer token is invalid or expired";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ErrorResponse.response(401, "unauthenticated", NEEDS_TOKEN, null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ErrorResponse.response(401, "unauthenticated", InvalidApiKey.is(e) ? InvalidApiKey.MESSAGE : BAD_TOKEN,
                null);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return ErrorResponse.response(401, "unauthenticated", BAD_TOKEN, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ErrorResponse.response(403, "permission_denied", "this call is not allowed", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ErrorResponse.response(404, "not_found", "no such resource", null);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e) {
        return ErrorResponse.response(400, "invalid_argument", e.getMessage(), e.parameter());
    }

    /** Other JAX-RS failures keep their status; Quarkus wraps unreadable JSON in one with a 400. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return new JsonErrorMappers().jsonProcessing(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String message = switch (status) {
            case 400 -> "the request is invalid";
            case 404 -> "no such resource";
            case 405 -> "method not allowed";
            case 406 -> "not acceptable: this API answers application/json";
            case 415 -> "unsupported media type: send application/json";
            default -> status >= 500 ? "internal error" : "the request is invalid";
        };
        return ErrorResponse.response(status, ErrorResponse.codeFor(status), message, null);
    }
}
