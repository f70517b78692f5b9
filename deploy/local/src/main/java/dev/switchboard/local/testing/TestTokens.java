package dev.switchboard.local.testing;

import dev.switchboard.local.infra.JwtSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** JWTs signed with the test key pair that {@link SwitchboardTestResource} configures. */
public final class TestTokens {

    /** The issuer of end-user tokens the gateway accepts by default. */
    public static final String USER_ISSUER = "https://switchboard.local";
    /** The issuer of the internal tokens the gateway forwards and services accept. */
    public static final String INTERNAL_ISSUER = "switchboard-gateway";

    private TestTokens() {}

    /** An end-user token of a member of the org (no {@code groups}), as a client sends it to the gateway. */
    public static String user(String org, String user) {
        return signer(USER_ISSUER).sign(user, org, Duration.ofMinutes(10));
    }

    /** An end-user token of an admin of the org ({@code groups: ["admin"]}). */
    public static String admin(String org, String user) {
        return signer(USER_ISSUER).sign(user, org, Duration.ofMinutes(10), Map.of("groups", List.of("admin")));
    }

    /** An internal token of a member, as the gateway forwards it to a service. */
    public static String internal(String org, String user) {
        return internal(org, user, "user", "member");
    }

    /** An internal token of an admin of the org (reaches every thread and run of it). */
    public static String internalAdmin(String org, String user) {
        return internal(org, user, "user", "admin");
    }

    /** An internal token of an organisation service key ({@code sub} = {@code service:<key id>}). */
    public static String internalService(String org, String keyId) {
        return internal(org, "service:" + keyId, "service", "admin");
    }

    private static String internal(String org, String user, String kind, String role) {
        return signer(INTERNAL_ISSUER).sign(user, org, Duration.ofMinutes(10), Map.of("kind", kind, "role", role));
    }

    public static String signed(String issuer, String org, String user, Duration lifetime) {
        return signer(issuer).sign(user, org, lifetime);
    }

    private static JwtSigner signer(String issuer) {
        try {
            return new JwtSigner(TestInfrastructure.keys().loadPrivateKey(), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
