package dev.switchboard.gateway.client.run;

/** The body of run-service's {@code POST /internal/teams/{id}/chat}. */
public record TeamChatRequest(String message, String mode) {}
