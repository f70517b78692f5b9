package dev.switchboard.run.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.switchboard.run.config.InvalidJsonInput;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A body that is not JSON, or JSON of the wrong shape: 400 naming the field when Jackson knows it. */
public class JsonExceptionMapper {

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response other(JsonProcessingException e) {
        return toResponse(e);
    }

    /** Also used for the 400 Quarkus REST raises itself around a body Jackson could not read. */
    static Response toResponse(JsonProcessingException e) {
        InvalidJsonInput refused = InvalidJsonInput.in(e);
        if (refused != null) {
            // the strict parser's refusals (NUL, unpaired surrogates, duplicate keys, bad UTF-8), with their field
            return ErrorBody.response(400, "invalid_argument", refused.getOriginalMessage(), refused.field());
        }
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
            return wrongShape(mapping);
        }
        return ErrorBody.response(400, "invalid_argument", "the body is not valid JSON", null);
    }

    private static Response wrongShape(JsonMappingException e) {
        String field = null;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field = field == null ? ref.getFieldName() : field + "." + ref.getFieldName();
            }
        }
        if (field == null) {
            return ErrorBody.response(400, "invalid_argument", "the body must be a JSON object", null);
        }
        return ErrorBody.response(400, "invalid_argument", field + " has the wrong type or format", field);
    }
}
