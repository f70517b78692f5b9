package dev.switchboard.gateway.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * An id in a request body, taken in every form the API answers ids in: a string (a UUID, a handle, an opaque id)
 * or a JSON integer (a numeric agent id, as {@code GET /api/v1/agents} answers it), read as its decimal text. Any
 * other JSON value is refused like a value of the wrong kind (400 naming the field). Use it on a {@code String}
 * component with {@code @JsonDeserialize(using = IdDeserializer.class)}, or on a list of them with
 * {@code contentUsing}.
 */
public class IdDeserializer extends StdDeserializer<String> {

    public IdDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getText();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
