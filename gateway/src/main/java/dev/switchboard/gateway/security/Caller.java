package dev.switchboard.gateway.security;

/**
 * The authenticated caller of a request: {@code sub} and {@code org} of the verified token or API key, and its
 * kind: {@code user} (an end-user JWT or a personal API key) or {@code service} (an organisation service key,
 * whose {@code userId} is {@code service:<key id>}).
 */
public record Caller(String userId, String orgId, String kind) {

    public static final String USER = "user";
    public static final String SERVICE = "service";

    public Caller(String userId, String orgId) {
        this(userId, orgId, USER);
    }

    public boolean isService() {
        return SERVICE.equals(kind);
    }
}
