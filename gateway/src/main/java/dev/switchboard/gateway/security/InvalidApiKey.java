package dev.switchboard.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;

/**
 * The failure of a request that presented an API key that is malformed, unknown or revoked: an
 * {@link AuthenticationFailedException} (401) marked so that its error body names the key, not a bearer token.
 */
public final class InvalidApiKey {

    public static final String MESSAGE = "the API key is invalid or revoked";
    private static final String MARK = "switchboard.api-key";

    private InvalidApiKey() {}

    public static AuthenticationFailedException exception() {
        return new AuthenticationFailedException(MESSAGE, Map.of(MARK, Boolean.TRUE));
    }

    public static boolean is(AuthenticationFailedException e) {
        return Boolean.TRUE.equals(e.getAttribute(MARK));
    }
}
