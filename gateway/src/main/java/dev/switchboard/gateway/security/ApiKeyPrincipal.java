package dev.switchboard.gateway.security;

import java.security.Principal;
import java.util.UUID;

/** The principal of a request authenticated with an API key: the caller it acts as, and the key. */
public record ApiKeyPrincipal(Caller caller, UUID keyId) implements Principal {

    @Override
    public String getName() {
        return caller.userId();
    }
}
