package dev.switchboard.agent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team as the internal API shows it: members by agent UUID, in order; {@code summarizerModel} may be null. */
public record TeamResponse(
        UUID id,
        String name,
        List<UUID> agentIds,
        @JsonInclude(JsonInclude.Include.ALWAYS) String summarizerModel,
        Instant createdAt,
        Instant updatedAt) {}
