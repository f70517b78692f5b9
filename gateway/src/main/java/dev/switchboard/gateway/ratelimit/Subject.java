package dev.switchboard.gateway.ratelimit;

import dev.switchboard.gateway.security.ApiKeyPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whom a request's limits are counted against: the caller (the API key that authenticated it, or the user of its
 * JWT within the JWT's org) and its organisation.
 */
record Subject(String caller, String org) {

    private static final String ORG_CLAIM = "org";

    /** The subject of an authenticated identity; null for an anonymous one (which the security check refuses). */
    static Subject of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof ApiKeyPrincipal key) {
            return new Subject("key:" + key.keyId(), key.caller().orgId());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String org = text(token.getClaim(ORG_CLAIM));
            String user = token.getSubject();
            if (org == null || user == null) {
                return null;
            }
            // the org's length first: no org and user pair can spell another's key
            return new Subject("user:" + org.length() + ":" + org + ":" + user, org);
        }
        return null;
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
