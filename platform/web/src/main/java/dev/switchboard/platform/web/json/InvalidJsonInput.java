package dev.switchboard.platform.web.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import dev.switchboard.platform.web.Causes;

/**
 * JSON the API refuses as it is read (see {@link StrictJsonParser}): its message is written for the client and
 * {@link #field()} is the path of the value or key at fault as the client wrote it ({@code input.content[0].text}),
 * or null when the body as a whole is at fault.
 */
public class InvalidJsonInput extends JsonParseException {

    private final String field;

    InvalidJsonInput(JsonParser parser, String message, String field, Throwable cause) {
        super(parser, message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The refusal among the causes of {@code failure} (Jackson wraps it when a field's value failed), or null. */
    public static InvalidJsonInput in(Throwable failure) {
        return Causes.find(failure, InvalidJsonInput.class);
    }
}
