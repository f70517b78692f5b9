package dev.switchboard.gateway.security;

import dev.switchboard.gateway.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, read from its verified end-user JWT or the API key it presented. */
@ApplicationScoped
public class Callers {

    static final String ORG_CLAIM = "org";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public Callers(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The caller; 401 when the token names no user or org (verification already requires both). */
    public Caller current() {
        if (identity.getPrincipal() instanceof ApiKeyPrincipal key) {
            return key.caller();
        }
        String user = token.getSubject();
        String org = text(token.getClaim(ORG_CLAIM));
        if (user == null || user.isBlank() || org == null || org.isBlank()) {
            throw ApiException.unauthenticated("the bearer token must carry the sub and org claims");
        }
        // a JWT may itself be an organisation service token (kind=service), like a service API key
        String kind = Caller.SERVICE.equals(text(token.getClaim("kind"))) ? Caller.SERVICE : Caller.USER;
        return new Caller(user, org, kind);
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
