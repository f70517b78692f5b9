package dev.switchboard.gateway.security;

import static dev.switchboard.gateway.rest.ErrorAssert.assertCode;
import static dev.switchboard.gateway.rest.ErrorAssert.assertError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** API keys: managed through the gateway, presented as {@code x-api-key} or a {@code grt_} bearer value. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class ApiKeyTest {

    static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    ServiceStubs stubs;

    final String org = "org-" + UUID.randomUUID();
    final String user = "user-" + UUID.randomUUID();

    /** A member of the org. */
    RequestSpecification asUser() {
        return UserTokens.bearer(TestTokens.user(org, user)).contentType(ContentType.JSON);
    }

    /** The same user as an admin of the org (the JWT's groups claim holds admin). */
    RequestSpecification asAdmin() {
        return UserTokens.bearer(TestTokens.admin(org, user)).contentType(ContentType.JSON);
    }

    /** A request presenting the key as {@code x-api-key}. */
    static RequestSpecification withKey(String secret) {
        return given().header("x-api-key", secret);
    }

    /** Listing agents with the key is refused as a bad key is. */
    static void assertKeyRefused(RequestSpecification request) {
        assertError(
                request.get("/api/v1/agents").then(),
                401,
                "unauthenticated",
                null,
                "the API key is invalid or revoked");
    }

    /** Lists the keys the caller sees (200); the answer, of that many keys. */
    static ValidatableResponse assertListed(RequestSpecification caller, int keys) {
        return caller.get("/api/v1/api-keys").then().statusCode(200).body("api_keys.size()", equalTo(keys));
    }

    static ValidatableResponse revoke(RequestSpecification caller, String id) {
        return caller.delete("/api/v1/api-keys/" + id).then();
    }

    /** {@code POST /api/v1/api-keys} with this body. */
    static ValidatableResponse post(RequestSpecification as, String body) {
        return as.body(body).post("/api/v1/api-keys").then();
    }

    JsonPath create(RequestSpecification as, String name, String kind) {
        String body = kind == null
                ? "{\"name\": \"" + name + "\"}"
                : "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}";
        return post(as, body).statusCode(201).extract().jsonPath();
    }

    @Test
    void aPersonalKeyIsShownOnceAndListedWithoutItsSecret() {
        JsonPath key = create(asUser(), "CI bot", null);
        String secret = key.getString("key");
        assertTrue(secret.matches("grt_pat_[0-9A-Za-z]{43}"), secret);
        assertEquals("personal", key.getString("kind"));
        assertEquals("CI bot", key.getString("name"));
        assertEquals(secret.substring(0, 16), key.getString("prefix"));
        assertEquals(user, key.getString("created_by"));
        assertTrue(key.getString("created_at").matches(TIME));
        assertTrue(key.getMap("").containsKey("last_used_at"));
        UUID.fromString(key.getString("id"));

        assertListed(asUser(), 1)
                .body("api_keys[0].id", equalTo(key.getString("id")))
                .body("api_keys[0].prefix", equalTo(key.getString("prefix")))
                .body("api_keys[0].last_used_at", nullValue())
                .body("api_keys[0]", not(hasKey("key")));

        withKey(secret).get("/api/v1/agents").then().statusCode(200);
        asUser().get("/api/v1/api-keys").then().statusCode(200).body("api_keys[0].last_used_at", matchesPattern(TIME));
    }

    @Test
    void aServiceKeyLooksLikeOne() {
        String secret = create(asAdmin(), "ingest", "service").getString("key");
        assertTrue(secret.matches("grt_svc_[0-9A-Za-z]{43}"), secret);
    }

    @Test
    void onlyAHashIsStored() throws Exception {
        String secret = create(asUser(), "hash check", "personal").getString("key");
        String random = secret.substring(8);
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class));
                ResultSet rows = db.createStatement().executeQuery("select * from api_keys")) {
            ResultSetMetaData columns = rows.getMetaData();
            int seen = 0;
            while (rows.next()) {
                seen++;
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    byte[] raw = rows.getBytes(c);
                    String value = raw == null ? "" : rows.getString(c) + new String(raw, StandardCharsets.ISO_8859_1);
                    assertFalse(value.contains(random), columns.getColumnName(c) + " holds the secret");
                    assertFalse(value.contains(random.substring(8)), columns.getColumnName(c) + " holds its end");
                }
            }
            assertTrue(seen >= 1);
        }
    }

    @Test
    void bothHeadersWorkAndAPersonalKeyActsAsItsUser() throws Exception {
        String secret = create(asUser(), "both headers", null).getString("key");

        withKey(secret).get("/api/v1/agents").then().statusCode(200);
        InternalJwt.Parsed internal =
                InternalJwt.parse(stubs.agentService().last().authorization());
        assertTrue(internal.signedByTestKey());
        assertEquals(user, internal.claims().get("sub").asText());
        assertEquals(org, internal.claims().get("org").asText());
        assertEquals("user", internal.claims().get("kind").asText());

        assertEquals(
                user,
                InternalJwt.forwarded(UserTokens.bearer(secret), stubs.agentService())
                        .get("sub")
                        .asText());
        assertFalse(stubs.agentService().last().authorization().contains(secret));
    }

    @Test
    void aServiceKeyActsAsTheOrganisationAndCannotManageKeys() throws Exception {
        JsonPath key = create(asAdmin(), "machine", "service");
        String secret = key.getString("key");
        assertEquals("admin", key.getString("role"));

        JsonNode internal = InternalJwt.forwarded(UserTokens.bearer(secret), stubs.agentService());
        assertEquals("service:" + key.getString("id"), internal.get("sub").asText());
        assertEquals(org, internal.get("org").asText());
        assertEquals("service", internal.get("kind").asText());
        assertEquals("admin", internal.get("role").asText());

        assertCode(
                post(withKey(secret).contentType(ContentType.JSON), "{\"name\": \"more\"}"), 403, "permission_denied");
        withKey(secret).get("/api/v1/api-keys").then().statusCode(403);
        revoke(withKey(secret), key.getString("id")).statusCode(403);

        // seed 002: an organisation service token cannot upload or attach files
        assertCode(
                withKey(secret)
                        .multiPart("file", "notes.txt", "hello".getBytes(), "text/plain")
                        .post("/api/v1/files")
                        .then(),
                403,
                "permission_denied");
        String withFiles =
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": \"hi\"}]},"
                        + " \"files\": [{\"file_id\": \"file_01KQX0V62MEXAMPLE7W6X3B2A\"}]}";
        assertCode(
                        withKey(secret)
                                .contentType(ContentType.JSON)
                                .body(withFiles)
                                .post("/api/v1/agents/1/threads")
                                .then(),
                        403,
                        "permission_denied")
                .body("error.field", equalTo("files"));
    }

    @Test
    void aPersonalKeyMayManageKeys() {
        String secret = create(asUser(), "first", null).getString("key");
        JsonPath second = create(withKey(secret).contentType(ContentType.JSON), "second", "personal");
        assertEquals(user, second.getString("created_by"));
        assertListed(withKey(secret), 2);
    }

    @Test
    void aRevokedKeyFailsOnTheVeryNextRequest() {
        JsonPath key = create(asUser(), "short-lived", null);
        String secret = key.getString("key");
        withKey(secret).get("/api/v1/agents").then().statusCode(200);

        revoke(asUser(), key.getString("id")).statusCode(204);

        assertKeyRefused(withKey(secret));
        assertKeyRefused(UserTokens.bearer(secret));
        assertListed(asUser(), 0);
        revoke(asUser(), key.getString("id")).statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void wrongKeysAre401Json() {
        String real = create(asUser(), "real", null).getString("key");
        String tampered = real.substring(0, real.length() - 1) + (real.endsWith("a") ? "b" : "a");
        for (String bad : List.of(tampered, "grt_pat_short", "nonsense", "")) {
            assertKeyRefused(withKey(bad));
        }
        assertKeyRefused(UserTokens.bearer(tampered));
    }

    @Test
    void listingAndRevokingAreScopedToTheUserAndOrg() {
        JsonPath mine = create(asUser(), "mine", null);
        JsonPath shared = create(asAdmin(), "shared", "service");
        String colleague = "colleague-" + UUID.randomUUID();
        RequestSpecification asColleague = UserTokens.bearer(TestTokens.user(org, colleague));

        // a colleague (a member) sees none of the keys of others, and cannot revoke mine or the org's
        assertListed(asColleague, 0);
        revoke(UserTokens.bearer(TestTokens.user(org, colleague)), mine.getString("id"))
                .statusCode(404);
        revoke(UserTokens.bearer(TestTokens.user(org, colleague)), shared.getString("id"))
                .statusCode(404);
        // a member sees their own personal keys only
        assertListed(asUser(), 1).body("api_keys[0].id", equalTo(mine.getString("id")));

        // another org sees nothing and cannot revoke anything
        String stranger = TestTokens.admin("org-" + UUID.randomUUID(), user);
        assertListed(UserTokens.bearer(stranger), 0);
        revoke(UserTokens.bearer(stranger), shared.getString("id")).statusCode(404);
        revoke(UserTokens.bearer(stranger), "not-a-uuid").statusCode(404);

        // an admin sees every key of the org and may revoke any (offboarding)
        String admin = TestTokens.admin(org, "admin-" + UUID.randomUUID());
        assertListed(UserTokens.bearer(admin), 2);
        revoke(UserTokens.bearer(admin), shared.getString("id")).statusCode(204);
        withKey(shared.getString("key")).get("/api/v1/agents").then().statusCode(401);
        withKey(mine.getString("key")).get("/api/v1/agents").then().statusCode(200);
    }

    @Test
    void onlyAnAdminMakesServiceKeysAndAPersonalKeyKeepsItsCreatorsRole() throws Exception {
        post(asUser(), "{\"name\": \"escalate\", \"kind\": \"service\"}")
                .statusCode(403)
                .body("error.code", equalTo("permission_denied"))
                .body("error.field", equalTo("kind"));
        JsonPath member = create(asUser(), "member key", null);
        assertEquals("member", member.getString("role"));
        JsonPath admin = create(asAdmin(), "admin key", null);
        assertEquals("admin", admin.getString("role"));

        assertEquals(
                "member",
                InternalJwt.forwarded(withKey(member.getString("key")), stubs.agentService())
                        .get("role")
                        .asText());
        assertEquals(
                "admin",
                InternalJwt.forwarded(withKey(admin.getString("key")), stubs.agentService())
                        .get("role")
                        .asText());
        // a member's personal key is no way to a service key
        post(
                        withKey(member.getString("key")).contentType(ContentType.JSON),
                        "{\"name\": \"escalate\", \"kind\": \"service\"}")
                .statusCode(403);
    }

    @Test
    void badRequestsAre400NamingTheField() {
        post(asUser(), "{\"name\": \"k\", \"kind\": \"admin\"}")
                .statusCode(400)
                .body("error.field", equalTo("kind"))
                .body("error.message", equalTo("kind must be one of: personal, service"));
        for (String body : List.of(
                "{}",
                "{\"name\": \"\"}",
                "{\"name\": \"   \"}",
                "{\"name\": \"" + "x".repeat(101) + "\"}",
                "{\"name\": {\"a\": 1}}")) {
            post(asUser(), body)
                    .statusCode(400)
                    .body("error.code", equalTo("invalid_argument"))
                    .body("error.field", equalTo("name"));
        }
        post(asUser(), "not json").statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "anonymous"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        asUser().get("/api/v1/api-keys").then().statusCode(200).body("api_keys", notNullValue());
    }
}
