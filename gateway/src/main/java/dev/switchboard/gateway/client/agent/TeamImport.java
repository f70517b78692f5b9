package dev.switchboard.gateway.client.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The body of agent-service's {@code PUT /internal/teams/{id}}: a team as the gateway's database kept it. */
public record TeamImport(
        String name, List<UUID> agentIds, String summarizerModel, Instant createdAt, Instant updatedAt) {}
