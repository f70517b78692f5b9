package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** thread-service's thread JSON (the summary fields are kept up to date by thread-service from run events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThreadView(
        String id,
        UUID agentId,
        Long agentNumericId,
        String title,
        String firstMessage,
        int messageCount,
        List<String> userIds,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
