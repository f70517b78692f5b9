package dev.switchboard.gateway.client.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tool of an agent as agent-service answers it: a built-in ({@code type}, {@code name}) or an MCP server
 * ({@code url} and {@code headers}, or {@code server}: the name of one of the operator's stdio servers).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentToolView(String type, String name, String url, Map<String, String> headers, String server) {

    public static final String MASK = "***";

    /** The tool with every header value replaced by {@link #MASK}: they often carry credentials. */
    public AgentToolView masked() {
        return new AgentToolView(type, name, url, mask(headers), server);
    }

    private static Map<String, String> mask(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Map<String, String> masked = new LinkedHashMap<>();
        values.keySet().forEach(key -> masked.put(key, MASK));
        return masked;
    }
}
