package dev.switchboard.agent.rest;

import java.util.List;

/** The organisation's teams, oldest first. */
public record TeamListResponse(List<TeamResponse> teams) {}
