package dev.switchboard.thread.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;

/**
 * Bean-validation failures of a request: 400 {@code invalid_argument} naming the property at fault (the last
 * node of the violation's path). A missing body names no field.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing((ConstraintViolation<?> v) -> String.valueOf(v.getPropertyPath()))
                        .thenComparing(ConstraintViolation::getMessage))
                .orElse(null);
        if (first == null) {
            return ErrorResponse.response(400, "invalid_argument", "the request is invalid", null);
        }
        String field = propertyName(first.getPropertyPath());
        String message = field == null ? "a request body is required" : first.getMessage();
        return ErrorResponse.response(400, "invalid_argument", message, field);
    }

    private static String propertyName(Path path) {
        Path.Node last = null;
        for (Path.Node node : path) {
            last = node;
        }
        if (last == null || last.getKind() != ElementKind.PROPERTY) {
            return null;
        }
        return last.getName();
    }
}
