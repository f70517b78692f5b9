package dev.switchboard.run.client;

import java.util.UUID;

/** The fields of thread-service's thread JSON that run-service reads. */
public record ThreadView(String id, UUID agentId, Long agentNumericId) {}
