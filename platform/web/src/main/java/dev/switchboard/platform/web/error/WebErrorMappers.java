package dev.switchboard.platform.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Framework failures in the one error body: no credentials or credentials that do not verify are 401 with
 * {@code WWW-Authenticate: Bearer} (messages from {@link AuthenticationMessages}); unknown routes, wrong methods
 * and media types keep their status.
 */
public class WebErrorMappers {

    private final AuthenticationMessages messages;

    public WebErrorMappers(AuthenticationMessages messages) {
        this.messages = messages;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ErrorBody.response(401, "unauthenticated", messages.missing(), null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ErrorBody.response(401, "unauthenticated", messages.invalid(e), null);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return ErrorBody.response(401, "unauthenticated", messages.incomplete(), null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ErrorBody.response(403, "permission_denied", "this call is not allowed", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ErrorBody.response(404, "not_found", "no such resource", null);
    }

    /** Other JAX-RS failures keep their status; Quarkus wraps unreadable JSON in one with a 400. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return new JsonErrorMappers().jsonProcessing(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return ErrorBody.response(status, ErrorBody.codeFor(status), messageFor(status), null);
    }

    static String messageFor(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed";
            case 406 -> "not acceptable: this API answers application/json";
            case 415 -> "unsupported media type: send application/json";
            default -> status >= 500 ? "internal error" : "the request is invalid";
        };
    }
}
