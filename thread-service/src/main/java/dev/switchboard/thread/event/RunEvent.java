package dev.switchboard.thread.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

    /** Parses the payload; empty when it is not a run event this service can use. */
    public static Optional<RunEvent> parse(ObjectMapper json, String payload) {
        try {
            JsonNode root = json.readTree(payload);
            JsonNode data = root.path("data");
            String id = text(root, "id");
            String type = text(root, "type");
            String threadId = text(data, "threadId");
            String orgId = text(data, "orgId");
            if (id == null || type == null || threadId == null || orgId == null) {
                return Optional.empty();
            }
            String time = text(root, "time");
            return Optional.of(new RunEvent(
                    id,
                    type,
                    time == null ? null : Instant.parse(time),
                    orgId,
                    threadId,
                    text(data, "userId"),
                    text(data, "runId"),
                    tools(data.path("toolsUsed"))));
        } catch (Exception e) {
            return Optional.empty();
        }
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
