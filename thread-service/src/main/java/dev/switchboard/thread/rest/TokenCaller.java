package dev.switchboard.thread.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The org and user of the current call, from the gateway's internal JWT (never from the body). */
@RequestScoped
public class TokenCaller {

    private final JsonWebToken token;

    TokenCaller(JsonWebToken token) {
        this.token = token;
    }

    public String org() {
        Object claim = token.getClaim("org");
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        if (value == null || value.isBlank()) {
            throw ApiException.unauthenticated("the internal token carries no org claim");
        }
        return value;
    }

    public String user() {
        String sub = token.getSubject();
        if (sub == null || sub.isBlank()) {
            throw ApiException.unauthenticated("the internal token carries no subject");
        }
        return sub;
    }
}
