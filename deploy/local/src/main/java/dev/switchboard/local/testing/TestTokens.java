package dev.switchboard.local.testing;

import dev.switchboard.local.infra.JwtSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** JWTs signed with the test key pair that {@link SwitchboardTestResource} configures. */
public final class TestTokens {

    /** The issuer of end-user tokens the gateway accepts by default. */
    public static final String USER_ISSUER = "https://switchboard.local";
    /** The issuer of the internal tokens the gateway forwards and services accept. */
    public static final String INTERNAL_ISSUER = "switchboard-gateway";

    private TestTokens() {
    }

    /** An end-user token, as a client sends it to the gateway. */
    public static String user(String org, String user) {
        return signer(USER_ISSUER).sign(user, org, Duration.ofMinutes(10));
    }

    /** An internal token, as the gateway forwards it to a service. */
    public static String internal(String org, String user) {
        return signer(INTERNAL_ISSUER).sign(user, org, Duration.ofMinutes(10), Map.of("kind", "user"));
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
