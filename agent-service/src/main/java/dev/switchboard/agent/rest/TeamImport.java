package dev.switchboard.agent.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code PUT /internal/teams/{id}}: a team as another store kept it (the gateway's, before teams moved
 * here), members by UUID, with its own timestamps.
 */
public record TeamImport(
        String name, List<UUID> agentIds, String summarizerModel, Instant createdAt, Instant updatedAt) {}
