package dev.switchboard.gateway.security;

import dev.switchboard.platform.web.error.AuthenticationMessages;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.inject.Singleton;

/**
 * The gateway's 401 messages: its callers present a bearer token (a JWT or an API key) or {@code x-api-key}, not
 * the internal token the services speak of; an API key that is invalid or revoked is named as such.
 */
@Singleton
public class BearerAuthenticationMessages extends AuthenticationMessages {

    static final String NEEDS_TOKEN = "a valid bearer token is required (Authorization: Bearer <token>)";
    static final String BAD_TOKEN = "the bearer token is invalid or expired";

    @Override
    public String missing() {
        return NEEDS_TOKEN;
    }

    @Override
    public String invalid(AuthenticationFailedException failure) {
        return InvalidApiKey.is(failure) ? InvalidApiKey.MESSAGE : BAD_TOKEN;
    }

    @Override
    public String incomplete() {
        return BAD_TOKEN;
    }
}
