package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** One tool call of an assistant message as thread-service stores it; the times as it wrote them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCallView(
        String toolName, JsonNode arguments, JsonNode result, String error, String startTime, String endTime) {}
