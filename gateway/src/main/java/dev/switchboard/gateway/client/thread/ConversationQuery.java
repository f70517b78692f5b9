package dev.switchboard.gateway.client.thread;

/** Seed 001's query parameters as the client sent them; thread-service checks and answers 400 naming one. */
public record ConversationQuery(
        String userId,
        String toolName,
        String timeframe,
        String includeTools,
        String pageSize,
        String page,
        String pageToken) {}
