package dev.switchboard.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key a request presented, for {@link ApiKeyIdentityProvider}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
