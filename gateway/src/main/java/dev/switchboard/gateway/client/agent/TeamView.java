package dev.switchboard.gateway.client.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** agent-service's team JSON: members by agent UUID, in order; {@code summarizerModel} may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamView(
        UUID id, String name, List<UUID> agentIds, String summarizerModel, Instant createdAt, Instant updatedAt) {}
