package dev.switchboard.run;

/**
 * Who is asking, from the verified internal JWT: the org and user scope every query, and the
 * {@code Authorization} header is forwarded unchanged to agent-service and thread-service.
 */
public record Caller(String orgId, String userId, String authorization) {
}
