package dev.switchboard.gateway.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.platform.web.error.ApiException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of seed 003's {@code POST /api/agents/{id}/chat} and {@code /chat/stream}; {@code run_id} (optional, a
 * UUID the client chose) names the run so it can be cancelled before its first byte; {@code multitask_strategy}
 * ({@code enqueue} by default, {@code reject}: 409 while the conversation has a run going, {@code interrupt}:
 * cancel that run first).
 */
public record AgentChatRequest(
        @NotNull(message = "message is required")
        @Size(min = 1, max = 100_000, message = "message must be 1 to 100000 characters")
        String message,

        @JsonProperty("conversation_id") @Size(max = 100, message = "conversation_id is too long")
        String conversationId,

        @JsonProperty("run_id") @Size(max = 36, message = "run_id must be a UUID")
        String runId,

        @JsonProperty("multitask_strategy") String multitaskStrategy) {

    static final List<String> STRATEGIES = List.of("enqueue", "reject", "interrupt");

    /** {@code multitask_strategy} if valid (null: enqueue); 400 naming it otherwise. */
    String strategy() {
        if (multitaskStrategy != null && !STRATEGIES.contains(multitaskStrategy)) {
            throw ApiException.invalid(
                    "multitask_strategy must be one of: " + String.join(", ", STRATEGIES), "multitask_strategy");
        }
        return multitaskStrategy;
    }
}
