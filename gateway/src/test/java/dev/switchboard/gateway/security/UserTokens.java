package dev.switchboard.gateway.security;

import static io.restassured.RestAssured.given;

import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.testing.TestInfrastructure;
import dev.switchboard.local.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** End-user tokens the tests make beyond {@link TestTokens}'s: with claims of their own, or of a service. */
public final class UserTokens {

    private UserTokens() {}

    /** A token of the default user issuer signed with the test key, with these claims added. */
    public static String signed(String org, String user, Duration lifetime, Map<String, Object> claims) {
        return signer().sign(user, org, lifetime, claims);
    }

    /** An organisation service token ({@code kind: service}) of the org, valid five minutes. */
    public static String service(String org) {
        return signed(org, "svc-" + UUID.randomUUID(), Duration.ofMinutes(5), Map.of("kind", "service"));
    }

    /** A public API request with this bearer token. */
    public static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A request of a member (not an admin) of the org, a user of its own, with a JSON body to come. */
    public static RequestSpecification memberOf(String org) {
        return bearer(TestTokens.user(org, "member-" + UUID.randomUUID())).contentType(ContentType.JSON);
    }

    private static JwtSigner signer() {
        try {
            return new JwtSigner(TestInfrastructure.keys().loadPrivateKey(), TestTokens.USER_ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
