package dev.switchboard.gateway.client.agent;

import java.util.List;

/** agent-service's {@code {"teams": [...]}}. */
public record TeamList(List<TeamView> teams) {}
