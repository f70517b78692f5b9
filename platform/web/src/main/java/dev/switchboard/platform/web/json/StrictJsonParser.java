package dev.switchboard.platform.web.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses, token by token and before any value reaches the application, what Jackson lets through: the NUL
 * character and unpaired UTF-16 surrogates ({@code "\ud800"}) in a string or an object key, a key written twice
 * in one object (what {@code STRICT_DUPLICATE_DETECTION} does, naming the key), and anything after the one JSON
 * value (once {@code FAIL_ON_TRAILING_TOKENS} makes Jackson look). Other malformed input (bad syntax, bytes that
 * are not UTF-8) is reported with the path where it was found. Every refusal is an {@link InvalidJsonInput}.
 */
final class StrictJsonParser extends JsonParserDelegate {

    private final Deque<Set<String>> keysPerObject = new ArrayDeque<>();
    private boolean valueComplete;

    StrictJsonParser(JsonParser delegate) {
        super(delegate);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        try {
            JsonToken token = delegate.nextToken();
            if (token != null) {
                check(token);
            }
            return token;
        } catch (InvalidJsonInput refused) {
            throw refused;
        } catch (JsonParseException malformed) {
            throw malformed(malformed);
        }
    }

    /** As {@link JsonParser#nextValue()}, through {@link #nextToken()}, which the delegate's own would bypass. */
    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    /** Skipped values (unknown properties) are checked too: they are read through {@link #nextToken()}. */
    @Override
    public JsonParser skipChildren() throws IOException {
        if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) {
            return this;
        }
        for (int open = 1; open > 0; ) {
            JsonToken token = nextToken();
            if (token == null) {
                break;
            }
            open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
        }
        return this;
    }

    private void check(JsonToken token) throws IOException {
        if (valueComplete) {
            throw new InvalidJsonInput(
                    this, "the request body must be one JSON value with nothing after it", null, null);
        }
        switch (token) {
            case START_OBJECT -> keysPerObject.push(new HashSet<>());
            case END_OBJECT -> keysPerObject.poll();
            case FIELD_NAME -> checkKey(delegate.currentName());
            case VALUE_STRING -> checkString();
            default -> {
                // numbers, booleans, null and arrays have nothing more to check
            }
        }
        if ((token.isScalarValue() || token.isStructEnd())
                && delegate.getParsingContext().inRoot()) {
            valueComplete = true;
        }
    }

    private void checkKey(String key) throws IOException {
        String problem = problemIn(key.toCharArray(), 0, key.length());
        if (problem != null) {
            throw new InvalidJsonInput(this, "the key " + path() + " must not contain " + problem, path(), null);
        }
        Set<String> keys = keysPerObject.peek();
        if (keys != null && !keys.add(key)) {
            throw new InvalidJsonInput(this, path() + " is given more than once", path(), null);
        }
    }

    private void checkString() throws IOException {
        String problem = problemIn(delegate.getTextCharacters(), delegate.getTextOffset(), delegate.getTextLength());
        if (problem != null) {
            String field = path();
            throw new InvalidJsonInput(
                    this, (field == null ? "a string" : field) + " must not contain " + problem, field, null);
        }
    }

    private InvalidJsonInput malformed(JsonParseException e) {
        String field = path();
        JsonLocation at = e.getLocation();
        boolean encoding =
                e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Invalid UTF-8");
        String where = at == null || at.getLineNr() < 0
                ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String message = "the request body is not valid " + (encoding ? "UTF-8" : "JSON") + where
                + (field == null ? "" : " at " + field);
        return new InvalidJsonInput(this, message, field, e);
    }

    /** What is wrong in the text, or null: the NUL character, or a surrogate without its other half. */
    static String problemIn(char[] text, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = text[i];
            if (c == 0) {
                return "the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c) + ")";
            }
        }
        return null;
    }

    private String path() {
        return pathOf(delegate.getParsingContext());
    }

    /** The path of the current value as written, e.g. {@code input.content[0].text}; null at the top. */
    static String pathOf(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(escaped(c.getCurrentName()));
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                if (path.length() > 0) {
                    path.append('[').append(c.getCurrentIndex()).append(']');
                }
            } else {
                break;
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    /** A key as JSON escapes would write it: control characters and surrogates as {@code \u0000}. */
    private static String escaped(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
