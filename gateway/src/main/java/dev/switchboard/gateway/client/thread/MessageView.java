package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.gateway.client.ToolCallView;
import java.time.Instant;
import java.util.List;

/** thread-service's message JSON; {@code toolCalls} (an assistant message's) is null when there are none. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageView(
        String id,
        String threadId,
        String role,
        String content,
        String userId,
        String runId,
        Instant createdAt,
        List<ToolCallView> toolCalls) {}
