package dev.switchboard.platform.web.caller;

/**
 * Who is asking, from the gateway's verified internal JWT (never from the request): the organisation and user,
 * the kind of credential ({@code user}, or {@code service} for an organisation service key), the role in the
 * organisation ({@code admin} or {@code member}; a token without one is a member's) and the {@code Authorization}
 * header to forward unchanged to the next service. The services build their own access rules on it.
 */
public record InternalCaller(String orgId, String userId, String kind, String role, String authorization) {

    public static final String SERVICE = "service";
    public static final String ADMIN = "admin";

    /** Whether the caller reaches everything of its organisation: an admin, or an organisation service key. */
    public boolean reachesOrganisation() {
        return ADMIN.equals(role) || SERVICE.equals(kind);
    }
}
