package dev.switchboard.gateway.security;

import dev.switchboard.gateway.service.ApiKeyService;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a presented API key into the identity it acts as; an unknown, malformed or revoked key fails. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyService keys;

    public ApiKeyIdentityProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return keys.authenticate(request.secret())
                .onItem()
                .ifNull()
                .failWith(InvalidApiKey::exception)
                .map(principal -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(principal)
                        .addRole(principal.caller().kind())
                        .build());
    }
}
