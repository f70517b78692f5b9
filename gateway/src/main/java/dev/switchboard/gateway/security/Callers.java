package dev.switchboard.gateway.security;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, read from its verified end-user JWT or the API key it presented. A JWT's
 * role is {@code admin} when its {@code groups} claim holds {@code switchboard.gateway.roles.admin-group}
 * ({@code admin}), else {@code member}; an organisation service token ({@code kind=service}) acts as the
 * organisation.
 */
@ApplicationScoped
public class Callers {

    static final String ORG_CLAIM = "org";

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private final String adminGroup;

    public Callers(JsonWebToken token, SecurityIdentity identity, GatewayConfig config) {
        this.token = token;
        this.identity = identity;
        this.adminGroup = config.roles().adminGroup();
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
        boolean service = Caller.SERVICE.equals(text(token.getClaim("kind")));
        Set<String> groups = token.getGroups();
        String role = service || (groups != null && groups.contains(adminGroup)) ? Caller.ADMIN : Caller.MEMBER;
        return new Caller(user, org, service ? Caller.SERVICE : Caller.USER, role);
    }

    /** The caller, who must be an admin or a service caller: 403 {@code permission_denied} otherwise. */
    public Caller admin(String what) {
        return admin(current(), what);
    }

    /** The caller if it is an admin or a service caller: 403 {@code permission_denied} otherwise. */
    public static Caller admin(Caller caller, String what) {
        if (!caller.reachesOrganisation()) {
            throw ApiException.permissionDenied(
                    "only an organisation admin or a service key may " + what + "; ask an admin of your organisation",
                    null);
        }
        return caller;
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
