package dev.switchboard.gateway.security;

/**
 * The authenticated caller of a request: {@code sub} and {@code org} of the verified token or API key, its
 * kind ({@code user}: an end-user JWT or a personal API key; {@code service}: an organisation service key, whose
 * {@code userId} is {@code service:<key id>}) and its role in the organisation ({@code admin} or
 * {@code member}). Admins and service callers reach the whole organisation; a member reaches only the threads
 * they take part in and their own runs.
 */
public record Caller(String userId, String orgId, String kind, String role) {

    public static final String USER = "user";
    public static final String SERVICE = "service";
    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";

    /** A member user. */
    public Caller(String userId, String orgId) {
        this(userId, orgId, USER, MEMBER);
    }

    public boolean isService() {
        return SERVICE.equals(kind);
    }

    public boolean isAdmin() {
        return ADMIN.equals(role);
    }

    /** Whether the caller reaches every thread and run of its organisation (an admin, or a service key). */
    public boolean reachesOrganisation() {
        return isService() || isAdmin();
    }
}
