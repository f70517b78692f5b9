package dev.switchboard.platform.web.error;

import io.quarkus.arc.DefaultBean;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.inject.Singleton;

/**
 * The messages of a 401: a service is called with an internal token; the gateway replaces this bean to speak of
 * the bearer tokens and API keys of its callers.
 */
@Singleton
@DefaultBean
public class AuthenticationMessages {

    /** No credentials, or none the request may use. */
    public String missing() {
        return "a valid internal token is required";
    }

    /** Credentials that did not verify. */
    public String invalid(AuthenticationFailedException failure) {
        return "the internal token is invalid or expired";
    }

    /** Credentials that verified but could not be completed into an identity. */
    public String incomplete() {
        return "the internal token is invalid or expired";
    }
}
