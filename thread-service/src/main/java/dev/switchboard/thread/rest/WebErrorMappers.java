package dev.switchboard.thread.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Framework failures (unknown routes, wrong methods, authentication) in the one error body. */
public class WebErrorMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated("a valid internal token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated("the internal token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return unauthenticated("the internal token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ErrorResponse.response(403, "permission_denied", "this call is not allowed", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ErrorResponse.response(404, "not_found", "no such resource", null);
    }

    /** Other JAX-RS failures keep their status; Quarkus wraps unreadable JSON in one with a 400. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return new JsonErrorMappers().jsonProcessing(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed";
            case 406 -> "not acceptable: this API answers application/json";
            case 415 -> "unsupported media type: send application/json";
            default -> status >= 500 ? "internal error" : "the request is invalid";
        };
        return ErrorResponse.response(status, ErrorResponse.codeFor(status), message, null);
    }

    private static Response unauthenticated(String message) {
        return Response.fromResponse(ErrorResponse.response(401, "unauthenticated", message, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
