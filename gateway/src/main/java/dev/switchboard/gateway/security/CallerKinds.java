package dev.switchboard.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What kind of credential the caller presented. An organisation service token carries {@code kind=service};
 * a user's token (JWT or personal access token) carries {@code kind=user} or no kind.
 */
@ApplicationScoped
public class CallerKinds {

    static final String KIND_CLAIM = "kind";
    static final String SERVICE = "service";

    private final JsonWebToken token;

    public CallerKinds(JsonWebToken token) {
        this.token = token;
    }

    public boolean isServiceToken() {
        Object claim = token.getClaim(KIND_CLAIM);
        String kind = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return SERVICE.equals(kind);
    }
}
