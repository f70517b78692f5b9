package dev.switchboard.gateway.security;

import static dev.switchboard.gateway.rest.ErrorAssert.assertCode;
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
import dev.switchboard.local.testing.TestTokens;
import dev.switchboard.local.testing.stub.StubServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
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
        assertUnauthenticated(UserTokens.bearer(expired));
    }

    @Test
    void aTokenIssuedLongerAgoThanTheMaximumAgeIs401EvenWithAFarExpiry() throws Exception {
        long dayAndAnHourAgo = Instant.now().minus(Duration.ofHours(25)).getEpochSecond();
        String old = UserTokens.signed(org, user, Duration.ofDays(7), Map.of("iat", dayAndAnHourAgo));
        assertUnauthenticated(UserTokens.bearer(old));

        long almostADayAgo = Instant.now().minus(Duration.ofHours(23)).getEpochSecond();
        String recent = UserTokens.signed(org, user, Duration.ofHours(2), Map.of("iat", almostADayAgo));
        assertAccepted(recent);
    }

    @Test
    void theAudienceIsNotCheckedWhenNoneIsConfigured() {
        assertAccepted(UserTokens.signed(org, user, Duration.ofMinutes(5), Map.of("aud", "someone-else")));
    }

    @Test
    void tokenOfAnotherIssuerIs401Json() {
        String other = TestTokens.signed("https://someone-else.example", org, user, Duration.ofMinutes(5));
        assertUnauthenticated(UserTokens.bearer(other));
    }

    @Test
    void tokenSignedWithAnotherKeyIs401Json() throws Exception {
        RsaKeys rogue = RsaKeys.ensure(Files.createTempDirectory("rogue-keys"), "rogue");
        String forged =
                new JwtSigner(rogue.loadPrivateKey(), TestTokens.USER_ISSUER).sign(user, org, Duration.ofMinutes(5));
        assertUnauthenticated(UserTokens.bearer(forged));
    }

    @Test
    void tokenWithoutOrgIs401Json() {
        String noOrg = TestTokens.signed(TestTokens.USER_ISSUER, null, user, Duration.ofMinutes(5));
        assertUnauthenticated(UserTokens.bearer(noOrg));
    }

    @Test
    void somethingThatIsNotAJwtIs401Json() {
        assertUnauthenticated(UserTokens.bearer("not-a-jwt"));
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
        assertAccepted(token);

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
        assertEquals(
                "admin",
                InternalJwt.forwarded(UserTokens.bearer(TestTokens.admin(org, user)), stubs.agentService())
                        .get("role")
                        .asText());
        // the role is part of who calls: a token without the group is not handed the admin's internal token
        assertEquals(
                "member",
                InternalJwt.forwarded(UserTokens.bearer(TestTokens.user(org, user)), stubs.agentService())
                        .get("role")
                        .asText());
    }

    @Test
    void theInternalTokenIsReusedForTheSameCallerAndNotSharedWithAnother() {
        assertAccepted(TestTokens.user(org, user));
        String first = stubs.agentService().last().authorization();
        assertAccepted(TestTokens.user(org, user));
        assertEquals(first, stubs.agentService().last().authorization());

        assertAccepted(TestTokens.user(org, "someone-else"));
        assertNotEquals(first, stubs.agentService().last().authorization());
    }

    @Test
    void unknownRoutesAre404Json() {
        assertCode(
                UserTokens.bearer(TestTokens.user(org, user))
                        .get("/api/v1/no-such-thing")
                        .then(),
                404,
                "not_found");
        assertCode(given().get("/nothing/here").then(), 404, "not_found");
    }

    /** Lists agents with the token: 200. */
    static void assertAccepted(String token) {
        UserTokens.bearer(token).get("/api/v1/agents").then().statusCode(200);
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
