package dev.switchboard.run.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A message to append; {@code id} is the idempotency key, so sending it again changes nothing. {@code toolCalls}:
 * the tool calls the run made for an assistant answer (seed 004 {@code tool_calls}).
 */
public record NewMessage(
        UUID id,
        String role,
        String content,
        UUID runId,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode toolCalls) {

    public NewMessage(UUID id, String role, String content, UUID runId) {
        this(id, role, content, runId, null);
    }
}
