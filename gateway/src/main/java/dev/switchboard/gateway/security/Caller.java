package dev.switchboard.gateway.security;

/** The authenticated end user of a request: {@code sub} and {@code org} of the verified token. */
public record Caller(String userId, String orgId) {
}
