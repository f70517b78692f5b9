package dev.switchboard.platform.web.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.switchboard.platform.web.json.InvalidJsonInput;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Request bodies Jackson cannot read: 400 {@code invalid_argument}, naming the field when Jackson knows it.
 * Messages are written here, never copied from Jackson (which would show Java type names).
 */
public class JsonErrorMappers {

    /**
     * A value Jackson could not turn into its field's type: a JSON value of another kind ({@code 5} for a string) is
     * named by the kind expected, text that is not a valid value of its type ({@code "abc"} for a UUID) as invalid.
     */
    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = fieldOf(e);
        String expected = describe(e.getTargetType());
        boolean scalar = expected.equals("a string") || expected.equals("a number") || expected.equals("a boolean");
        boolean otherKind = scalar && (!(e.getValue() instanceof String) || !expected.equals("a string"));
        return ErrorBody.response(
                400,
                "invalid_argument",
                (field == null ? "a value" : field) + (otherKind ? " must be " + expected : " has an invalid value"),
                field);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = fieldOf(e);
        if (field == null) {
            return ErrorBody.response(400, "invalid_argument", "the request body must be a JSON object", null);
        }
        return ErrorBody.response(400, "invalid_argument", field + " must be " + describe(e.getTargetType()), field);
    }

    /** Also the refusals of the strict parser (NUL, unpaired surrogates, duplicate keys), with their own field. */
    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) {
        InvalidJsonInput refused = InvalidJsonInput.in(e);
        if (refused != null) {
            return ErrorBody.response(400, "invalid_argument", refused.getOriginalMessage(), refused.field());
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        String field = e instanceof JsonMappingException mapping ? fieldOf(mapping) : null;
        return ErrorBody.response(400, "invalid_argument", malformed(e), field);
    }

    static String malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 0) {
            return "the request body is not valid JSON";
        }
        return "the request body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The path of the field at fault as written, e.g. {@code name} or {@code tools[1].args[0]}; null if none. */
    static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0 && path.length() > 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of a different JSON type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == UUID.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }
}
