package dev.switchboard.platform.web.error;

import com.fasterxml.jackson.annotation.JsonProperty;
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
            return ErrorBody.response(400, "invalid_argument", "the request is invalid", null);
        }
        String field = jsonName(first.getLeafBean(), propertyName(first.getPropertyPath()));
        String message = field == null ? "a JSON request body is required" : first.getMessage();
        return ErrorBody.response(400, "invalid_argument", message, field);
    }

    /** The property as the JSON body names it (its {@code @JsonProperty}, e.g. {@code conversation_id}). */
    static String jsonName(Object bean, String property) {
        if (bean == null || property == null) {
            return property;
        }
        for (Class<?> type = bean.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                JsonProperty json = type.getDeclaredField(property).getAnnotation(JsonProperty.class);
                return json != null && !json.value().isEmpty() ? json.value() : property;
            } catch (NoSuchFieldException notHere) {
                // a superclass may declare it
            }
        }
        return property;
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
