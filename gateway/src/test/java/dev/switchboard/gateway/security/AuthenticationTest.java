package dev.switchboard.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.infra.RsaKeys;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestInfrastructure;
import dev.switchboard.local.testing.TestTokens;
import dev.switchboard.local.testing.stub.StubServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** End-user tokens at the door, and the internal token that replaces them on every forwarded call. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class AuthenticationTest {

    ServiceStubs stubs;

    final String org = "org-" + UUID.randomUUID();
    final String user = "user-" + UUID.randomUUID();

    @Test
    void noTokenIs401Json() {
        assertUnauthenticated(given());
    }

    @Test
    void expiredTokenIs401Json() {
        String expired = TestTokens.signed(TestTokens.USER_ISSUER, org, user, Duration.ofMinutes(-5));
        assertUnauthenticated(given().header("Authorization", "Bearer " + expired));
    }

    @Test
    void aTokenIssuedLongerAgoThanTheMaximumAgeIs401EvenWithAFarExpiry() throws Exception {
        long dayAndAnHourAgo = Instant.now().minus(Duration.ofHours(25)).getEpochSecond();
        String old = new JwtSigner(TestInfrastructure.keys().loadPrivateKey(), TestTokens.USER_ISSUER)
                .sign(user, org, Duration.ofDays(7), Map.of("iat", dayAndAnHourAgo));
        assertUnauthenticated(given().header("Authorization", "Bearer " + old));

        long almostADayAgo = Instant.now().minus(Duration.ofHours(23)).getEpochSecond();
        String recent = new JwtSigner(TestInfrastructure.keys().loadPrivateKey(), TestTokens.USER_ISSUER)
                .sign(user, org, Duration.ofHours(2), Map.of("iat", almostADayAgo));
        given().header("Authorization", "Bearer " + recent)
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
    }

    @Test
    void theAudienceIsNotCheckedWhenNoneIsConfigured() {
        String anyAudience = signedWith(Map.of("aud", "someone-else"));
        given().header("Authorization", "Bearer " + anyAudience)
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
    }

    @Test
    void tokenOfAnotherIssuerIs401Json() {
        String other = TestTokens.signed("https://someone-else.example", org, user, Duration.ofMinutes(5));
        assertUnauthenticated(given().header("Authorization", "Bearer " + other));
    }

    @Test
    void tokenSignedWithAnotherKeyIs401Json() throws Exception {
        RsaKeys rogue = RsaKeys.ensure(Files.createTempDirectory("rogue-keys"), "rogue");
        String forged =
                new JwtSigner(rogue.loadPrivateKey(), TestTokens.USER_ISSUER).sign(user, org, Duration.ofMinutes(5));
        assertUnauthenticated(given().header("Authorization", "Bearer " + forged));
    }

    @Test
    void tokenWithoutOrgIs401Json() {
        String noOrg = TestTokens.signed(TestTokens.USER_ISSUER, null, user, Duration.ofMinutes(5));
        assertUnauthenticated(given().header("Authorization", "Bearer " + noOrg));
    }

    @Test
    void somethingThatIsNotAJwtIs401Json() {
        assertUnauthenticated(given().header("Authorization", "Bearer not-a-jwt"));
    }

    @Test
    void everyPublicRouteNeedsAToken() {
        for (String path :
                List.of("/api/v1/agents/demo", "/api/agents/demo/history", "/api/v1/agents/demo/conversations/t1")) {
            given().get(path).then().statusCode(401).body("error.code", equalTo("unauthenticated"));
        }
        given().contentType("application/json")
                .body("{\"message\":\"hi\"}")
                .post("/api/agents/demo/chat")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        assertTrue(stubs.agentService().received().stream()
                .noneMatch(r -> r.pathAndQuery().contains("demo")));
    }

    @Test
    void forwardedCallsCarryANewInternalTokenNeverTheClientsOwn() throws Exception {
        String token = TestTokens.user(org, user);
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/agents")
                .then()
                .statusCode(200);

        StubServer.Received call = stubs.agentService().last();
        assertEquals("/internal/agents", call.pathAndQuery());
        assertNotEquals("Bearer " + token, call.authorization());
        assertTrue(stubs.agentService().received().stream()
                .noneMatch(r -> r.authorization().contains(token)));

        InternalJwt.Parsed internal = InternalJwt.parse(call.authorization());
        assertTrue(internal.signedByTestKey(), "the internal token is signed with the configured key");
        assertEquals("RS256", internal.header().get("alg").asText());
        assertEquals("switchboard-gateway", internal.claims().get("iss").asText());
        assertEquals(user, internal.claims().get("sub").asText());
        assertEquals(org, internal.claims().get("org").asText());
        assertEquals("user", internal.claims().get("kind").asText());
        assertEquals("member", internal.claims().get("role").asText(), "no groups claim: a member");
        long lifetime = internal.claims().get("exp").asLong()
                - internal.claims().get("iat").asLong();
        assertEquals(300, lifetime);
    }

    @Test
    void theAdminGroupMakesAnAdminAndTheSameUserWithoutItIsAMemberAgain() throws Exception {
        given().header("Authorization", "Bearer " + TestTokens.admin(org, user))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        assertEquals(
                "admin",
                InternalJwt.parse(stubs.agentService().last().authorization())
                        .claims()
                        .get("role")
                        .asText());
        // the role is part of who calls: a token without the group is not handed the admin's internal token
        given().header("Authorization", "Bearer " + TestTokens.user(org, user))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        assertEquals(
                "member",
                InternalJwt.parse(stubs.agentService().last().authorization())
                        .claims()
                        .get("role")
                        .asText());
    }

    @Test
    void theInternalTokenIsReusedForTheSameCallerAndNotSharedWithAnother() {
        given().header("Authorization", "Bearer " + TestTokens.user(org, user))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        String first = stubs.agentService().last().authorization();
        given().header("Authorization", "Bearer " + TestTokens.user(org, user))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        assertEquals(first, stubs.agentService().last().authorization());

        given().header("Authorization", "Bearer " + TestTokens.user(org, "someone-else"))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        assertNotEquals(first, stubs.agentService().last().authorization());
    }

    @Test
    void unknownRoutesAre404Json() {
        given().header("Authorization", "Bearer " + TestTokens.user(org, user))
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("error.code", equalTo("not_found"));
        given().get("/nothing/here")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("error.code", equalTo("not_found"));
    }

    private String signedWith(Map<String, Object> claims) {
        try {
            return new JwtSigner(TestInfrastructure.keys().loadPrivateKey(), TestTokens.USER_ISSUER)
                    .sign(user, org, Duration.ofMinutes(5), claims);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertUnauthenticated(RequestSpecification request) {
        request.get("/api/v1/agents")
                .then()
                .statusCode(401)
                .contentType("application/json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error.code", equalTo("unauthenticated"))
                .body("error.message", containsString("token"));
    }
}
