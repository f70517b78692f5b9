package dev.switchboard.run.rest;

/**
 * The body of {@code POST /internal/teams/{id}/chat}: seed 003's {@code {"message", "mode"}}; checked by
 * {@link dev.switchboard.run.service.TeamChats} (message 1-100000, mode one of its modes, default brainstorm).
 */
public record TeamChatRequest(String message, String mode) {}
