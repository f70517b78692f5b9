package dev.switchboard.gateway.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One tool call, as thread-service stores an assistant message's and run-service lists a run's {@code steps}
 * (camelCase, read), and as the public API shows it in seed 004's {@code tool_calls} shape (snake_case, written:
 * {@code tool_name}, {@code arguments}, {@code result}, {@code error}, {@code start_time}, {@code end_time}); the
 * times as the service wrote them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCallView(
        @JsonProperty("tool_name") @JsonAlias("toolName") String toolName,
        JsonNode arguments,
        JsonNode result,
        String error,
        @JsonProperty("start_time") @JsonAlias("startTime") String startTime,
        @JsonProperty("end_time") @JsonAlias("endTime") String endTime) {}
