package dev.switchboard.run.client;

import java.util.List;
import java.util.UUID;

/**
 * The fields of agent-service's team JSON that run-service reads: the members by agent UUID, in order, and the
 * model that summarises their answers (null: the first member's).
 */
public record TeamView(UUID id, String name, List<UUID> agentIds, String summarizerModel) {}
