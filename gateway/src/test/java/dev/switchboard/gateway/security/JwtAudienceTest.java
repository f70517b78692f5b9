package dev.switchboard.gateway.security;

import static dev.switchboard.gateway.security.AuthenticationTest.assertAccepted;
import static dev.switchboard.gateway.security.AuthenticationTest.assertUnauthenticated;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
        assertAccepted(signed(Map.of("aud", AUDIENCE)));
        assertAccepted(signed(Map.of("aud", List.of("other-api", AUDIENCE))));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertUnauthenticated(UserTokens.bearer(signed(Map.of("aud", "other-api"))));
    }

    @Test
    void aTokenWithoutAudienceIs401() {
        assertUnauthenticated(UserTokens.bearer(TestTokens.user(org, user)));
    }

    private String signed(Map<String, Object> claims) {
        return UserTokens.signed(org, user, Duration.ofMinutes(5), claims);
    }
}
