package dev.switchboard.run.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;

/** Bean validation of a request: 400 {@code invalid_argument} naming the first field at fault. */
public class ValidationExceptionMapper {

    @ServerExceptionMapper
    public Response map(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElse(null);
        if (first == null) {
            return ErrorBody.response(400, "invalid_argument", "the request is invalid", null);
        }
        return ErrorBody.response(400, "invalid_argument", first.getMessage(), field(first.getPropertyPath()));
    }

    /** The request field: the path is method, parameter, then the field (none when the body itself is missing). */
    private static String field(Path path) {
        int depth = 0;
        String last = null;
        for (Path.Node node : path) {
            depth++;
            last = node.getName();
        }
        return depth > 2 ? last : null;
    }
}
