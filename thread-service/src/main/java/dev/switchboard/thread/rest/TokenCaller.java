package dev.switchboard.thread.rest;

import dev.switchboard.thread.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The org, user and role of the current call, from the gateway's internal JWT (never from the body): claims
 * {@code org}, {@code sub}, {@code kind} ({@code user} or {@code service}) and {@code role} ({@code admin} or
 * {@code member}; a token without one is a member's).
 */
@RequestScoped
public class TokenCaller {

    private final JsonWebToken token;

    TokenCaller(JsonWebToken token) {
        this.token = token;
    }

    public String org() {
        String value = text("org");
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

    /** The caller with what it reaches: the whole organisation (an admin, or a service key), or its own threads. */
    public Caller current() {
        return new Caller(org(), user(), "admin".equals(text("role")) || "service".equals(text("kind")));
    }

    private String text(String name) {
        Object claim = token.getClaim(name);
        return claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
    }
}
