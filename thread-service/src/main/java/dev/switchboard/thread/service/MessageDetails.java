package dev.switchboard.thread.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.ThreadMessage;
import dev.switchboard.thread.rest.AppendMessageRequest;
import java.nio.charset.StandardCharsets;

/**
 * The optional seed 004 details of a message: checked and written as JSON text on append, read back as JSON.
 * {@code metadata} must be a JSON object, {@code attachments} and {@code toolCalls} JSON arrays; each at most
 * {@link #MAX_JSON_BYTES} serialized (the gateway holds clients to tighter limits).
 */
public final class MessageDetails {

    public static final int MAX_JSON_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageDetails() {}

    /** Copies the request's details onto the new message; 400 naming the field if one has the wrong shape. */
    static void apply(AppendMessageRequest request, ThreadMessage message) {
        message.contentHtml = request.contentHtml();
        message.metadata = write(request.metadata(), true, "metadata");
        message.attachments = write(request.attachments(), false, "attachments");
        message.toolCalls = write(request.toolCalls(), false, "toolCalls");
    }

    static JsonNode read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored message detail is not JSON", e);
        }
    }

    private static String write(JsonNode value, boolean object, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (object ? !value.isObject() : !value.isArray()) {
            throw ApiException.invalid(field + " must be a JSON " + (object ? "object" : "array"), field);
        }
        String json = value.toString();
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_JSON_BYTES) {
            throw ApiException.invalid(field + " must be at most " + MAX_JSON_BYTES + " bytes of JSON", field);
        }
        return json;
    }
}
