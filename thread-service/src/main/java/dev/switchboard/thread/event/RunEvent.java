package dev.switchboard.thread.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a run-service event (CloudEvents 1.0, structured JSON) this service reads; its own small
 * record, not a shared schema jar.
 */
public record RunEvent(
        String id,
        String type,
        Instant time,
        String orgId,
        String threadId,
        String userId,
        String runId,
        Map<String, Integer> toolsUsed) {

    public static final String COMPLETED = "switchboard.run.completed";
    public static final String FAILED = "switchboard.run.failed";
    public static final String CANCELLED = "switchboard.run.cancelled";

    /** A record of {@code run-events} that is not a run event this service can read: it goes to the DLQ. */
    public static final class UnreadableEvent extends IllegalArgumentException {
        UnreadableEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads the payload.
     *
     * @throws UnreadableEvent when it is not JSON, or lacks the id, type, {@code data.orgId} or
     *     {@code data.threadId}, or has a {@code time} that is not an RFC 3339 instant
     */
    public static RunEvent read(ObjectMapper json, String payload) {
        if (payload == null) {
            throw new UnreadableEvent("the record has no value", null);
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UnreadableEvent("the record is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableEvent("the record is not a JSON object", null);
        }
        JsonNode data = root.path("data");
        String id = required(root, "id", "id");
        String type = required(root, "type", "type");
        String threadId = required(data, "threadId", "data.threadId");
        String orgId = required(data, "orgId", "data.orgId");
        String time = text(root, "time");
        Instant at;
        try {
            at = time == null ? null : Instant.parse(time);
        } catch (Exception e) {
            throw new UnreadableEvent("the event's time is not an RFC 3339 instant: " + time, e);
        }
        return new RunEvent(
                id,
                type,
                at,
                orgId,
                threadId,
                text(data, "userId"),
                text(data, "runId"),
                tools(data.path("toolsUsed")));
    }

    private static String required(JsonNode node, String field, String path) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent("the event has no " + path, null);
        }
        return value;
    }

    public boolean changesTheSummary() {
        return COMPLETED.equals(type) || FAILED.equals(type) || CANCELLED.equals(type);
    }

    /** {@code ["calculator"]} or {@code [{"name": "calculator", "count": 2}]}: tool name to number of calls. */
    static Map<String, Integer> tools(JsonNode toolsUsed) {
        Map<String, Integer> tools = new LinkedHashMap<>();
        if (!toolsUsed.isArray()) {
            return tools;
        }
        for (JsonNode tool : toolsUsed) {
            String name = tool.isTextual() ? tool.asText() : tool.path("name").asText(null);
            int count = tool.isObject() ? Math.max(1, tool.path("count").asInt(1)) : 1;
            if (name != null && !name.isBlank() && name.length() <= 200) {
                tools.merge(name, count, Integer::sum);
            }
        }
        return tools;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
