package dev.switchboard.platform.web.caller;

import dev.switchboard.platform.web.error.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the {@link InternalCaller} of the current request from the internal JWT: claims {@code org}, {@code sub},
 * {@code kind} and {@code role}. A token without {@code org} or {@code sub} is 401 {@code unauthenticated}.
 */
@RequestScoped
public class InternalCallers {

    private final JsonWebToken token;

    public InternalCallers(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's organisation. */
    public String org() {
        String value = text("org");
        if (value == null || value.isBlank()) {
            throw ApiException.unauthenticated("the internal token carries no org claim");
        }
        return value;
    }

    /** The caller's user id ({@code sub}). */
    public String user() {
        String sub = token.getSubject();
        if (sub == null || sub.isBlank()) {
            throw ApiException.unauthenticated("the internal token carries no subject");
        }
        return sub;
    }

    public InternalCaller current() {
        return new InternalCaller(org(), user(), text("kind"), text("role"), "Bearer " + token.getRawToken());
    }

    private String text(String name) {
        Object claim = token.getClaim(name);
        return claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
    }
}
