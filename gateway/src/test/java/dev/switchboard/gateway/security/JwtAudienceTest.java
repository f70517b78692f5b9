package dev.switchboard.gateway.security;

import static dev.switchboard.gateway.security.AuthenticationTest.assertUnauthenticated;
import static io.restassured.RestAssured.given;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestInfrastructure;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With {@code SWITCHBOARD_JWT_AUDIENCE} set ({@code mp.jwt.verify.audiences}), a user token must be meant for us. */
@QuarkusTest
@TestProfile(JwtAudienceTest.WithAudience.class)
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class JwtAudienceTest {

    static final String AUDIENCE = "https://api.switchboard.example";

    final String org = "org-" + UUID.randomUUID();
    final String user = "user-" + UUID.randomUUID();

    public static class WithAudience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.audiences", AUDIENCE);
        }
    }

    @Test
    void aTokenForUsIsAccepted() {
        given().header("Authorization", "Bearer " + signed(Map.of("aud", AUDIENCE)))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + signed(Map.of("aud", List.of("other-api", AUDIENCE))))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertUnauthenticated(given().header("Authorization", "Bearer " + signed(Map.of("aud", "other-api"))));
    }

    @Test
    void aTokenWithoutAudienceIs401() {
        assertUnauthenticated(given().header("Authorization", "Bearer " + TestTokens.user(org, user)));
    }

    private String signed(Map<String, Object> claims) {
        try {
            return new JwtSigner(TestInfrastructure.keys().loadPrivateKey(), TestTokens.USER_ISSUER)
                    .sign(user, org, Duration.ofMinutes(5), claims);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
