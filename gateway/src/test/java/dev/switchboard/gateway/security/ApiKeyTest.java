package dev.switchboard.gateway.security;

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

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
        return given().header("Authorization", "Bearer " + TestTokens.user(org, user))
                .contentType(ContentType.JSON);
    }

    /** The same user as an admin of the org (the JWT's groups claim holds admin). */
    RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + TestTokens.admin(org, user))
                .contentType(ContentType.JSON);
    }

    JsonPath create(RequestSpecification as, String name, String kind) {
        String body = kind == null
                ? "{\"name\": \"" + name + "\"}"
                : "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}";
        return as.body(body)
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
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

        asUser().get("/api/v1/api-keys")
                .then()
                .statusCode(200)
                .body("api_keys.size()", equalTo(1))
                .body("api_keys[0].id", equalTo(key.getString("id")))
                .body("api_keys[0].prefix", equalTo(key.getString("prefix")))
                .body("api_keys[0].last_used_at", nullValue())
                .body("api_keys[0]", not(hasKey("key")));

        given().header("x-api-key", secret).get("/api/v1/agents").then().statusCode(200);
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

        given().header("x-api-key", secret).get("/api/v1/agents").then().statusCode(200);
        InternalJwt.Parsed internal =
                InternalJwt.parse(stubs.agentService().last().authorization());
        assertTrue(internal.signedByTestKey());
        assertEquals(user, internal.claims().get("sub").asText());
        assertEquals(org, internal.claims().get("org").asText());
        assertEquals("user", internal.claims().get("kind").asText());

        given().header("Authorization", "Bearer " + secret)
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        assertEquals(
                user,
                InternalJwt.parse(stubs.agentService().last().authorization())
                        .claims()
                        .get("sub")
                        .asText());
        assertFalse(stubs.agentService().last().authorization().contains(secret));
    }

    @Test
    void aServiceKeyActsAsTheOrganisationAndCannotManageKeys() throws Exception {
        JsonPath key = create(asAdmin(), "machine", "service");
        String secret = key.getString("key");
        assertEquals("admin", key.getString("role"));

        given().header("Authorization", "Bearer " + secret)
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        InternalJwt.Parsed internal =
                InternalJwt.parse(stubs.agentService().last().authorization());
        assertEquals(
                "service:" + key.getString("id"), internal.claims().get("sub").asText());
        assertEquals(org, internal.claims().get("org").asText());
        assertEquals("service", internal.claims().get("kind").asText());
        assertEquals("admin", internal.claims().get("role").asText());

        given().header("x-api-key", secret)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"more\"}")
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("permission_denied"));
        given().header("x-api-key", secret).get("/api/v1/api-keys").then().statusCode(403);
        given().header("x-api-key", secret)
                .delete("/api/v1/api-keys/" + key.getString("id"))
                .then()
                .statusCode(403);

        // seed 002: an organisation service token cannot upload or attach files
        given().header("x-api-key", secret)
                .multiPart("file", "notes.txt", "hello".getBytes(), "text/plain")
                .post("/api/v1/files")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("permission_denied"));
        given().header("x-api-key", secret)
                .contentType(ContentType.JSON)
                .body("{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": \"hi\"}]},"
                        + " \"files\": [{\"file_id\": \"file_01KQX0V62MEXAMPLE7W6X3B2A\"}]}")
                .post("/api/v1/agents/1/threads")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("permission_denied"))
                .body("error.field", equalTo("files"));
    }

    @Test
    void aPersonalKeyMayManageKeys() {
        String secret = create(asUser(), "first", null).getString("key");
        RequestSpecification asKey = given().header("x-api-key", secret).contentType(ContentType.JSON);
        JsonPath second = create(asKey, "second", "personal");
        assertEquals(user, second.getString("created_by"));
        given().header("x-api-key", secret)
                .get("/api/v1/api-keys")
                .then()
                .statusCode(200)
                .body("api_keys.size()", equalTo(2));
    }

    @Test
    void aRevokedKeyFailsOnTheVeryNextRequest() {
        JsonPath key = create(asUser(), "short-lived", null);
        String secret = key.getString("key");
        given().header("x-api-key", secret).get("/api/v1/agents").then().statusCode(200);

        asUser().delete("/api/v1/api-keys/" + key.getString("id")).then().statusCode(204);

        for (RequestSpecification request :
                List.of(given().header("x-api-key", secret), given().header("Authorization", "Bearer " + secret))) {
            request.get("/api/v1/agents")
                    .then()
                    .statusCode(401)
                    .contentType("application/json")
                    .body("error.code", equalTo("unauthenticated"))
                    .body("error.message", equalTo("the API key is invalid or revoked"));
        }
        asUser().get("/api/v1/api-keys").then().statusCode(200).body("api_keys.size()", equalTo(0));
        asUser().delete("/api/v1/api-keys/" + key.getString("id"))
                .then()
                .statusCode(404)
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void wrongKeysAre401Json() {
        String real = create(asUser(), "real", null).getString("key");
        String tampered = real.substring(0, real.length() - 1) + (real.endsWith("a") ? "b" : "a");
        for (String bad : List.of(tampered, "grt_pat_short", "nonsense", "")) {
            given().header("x-api-key", bad)
                    .get("/api/v1/agents")
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("unauthenticated"))
                    .body("error.message", equalTo("the API key is invalid or revoked"));
        }
        given().header("Authorization", "Bearer " + tampered)
                .get("/api/v1/agents")
                .then()
                .statusCode(401)
                .body("error.message", equalTo("the API key is invalid or revoked"));
    }

    @Test
    void listingAndRevokingAreScopedToTheUserAndOrg() {
        JsonPath mine = create(asUser(), "mine", null);
        JsonPath shared = create(asAdmin(), "shared", "service");
        String colleague = "colleague-" + UUID.randomUUID();
        RequestSpecification asColleague = given().header("Authorization", "Bearer " + TestTokens.user(org, colleague));

        // a colleague (a member) sees none of the keys of others, and cannot revoke mine or the org's
        asColleague.get("/api/v1/api-keys").then().statusCode(200).body("api_keys.size()", equalTo(0));
        given().header("Authorization", "Bearer " + TestTokens.user(org, colleague))
                .delete("/api/v1/api-keys/" + mine.getString("id"))
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + TestTokens.user(org, colleague))
                .delete("/api/v1/api-keys/" + shared.getString("id"))
                .then()
                .statusCode(404);
        // a member sees their own personal keys only
        asUser().get("/api/v1/api-keys")
                .then()
                .statusCode(200)
                .body("api_keys.size()", equalTo(1))
                .body("api_keys[0].id", equalTo(mine.getString("id")));

        // another org sees nothing and cannot revoke anything
        String stranger = TestTokens.admin("org-" + UUID.randomUUID(), user);
        given().header("Authorization", "Bearer " + stranger)
                .get("/api/v1/api-keys")
                .then()
                .statusCode(200)
                .body("api_keys.size()", equalTo(0));
        given().header("Authorization", "Bearer " + stranger)
                .delete("/api/v1/api-keys/" + shared.getString("id"))
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + stranger)
                .delete("/api/v1/api-keys/not-a-uuid")
                .then()
                .statusCode(404);

        // an admin sees every key of the org and may revoke any (offboarding)
        String admin = TestTokens.admin(org, "admin-" + UUID.randomUUID());
        given().header("Authorization", "Bearer " + admin)
                .get("/api/v1/api-keys")
                .then()
                .statusCode(200)
                .body("api_keys.size()", equalTo(2));
        given().header("Authorization", "Bearer " + admin)
                .delete("/api/v1/api-keys/" + shared.getString("id"))
                .then()
                .statusCode(204);
        given().header("x-api-key", shared.getString("key"))
                .get("/api/v1/agents")
                .then()
                .statusCode(401);
        given().header("x-api-key", mine.getString("key"))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
    }

    @Test
    void onlyAnAdminMakesServiceKeysAndAPersonalKeyKeepsItsCreatorsRole() throws Exception {
        asUser().body("{\"name\": \"escalate\", \"kind\": \"service\"}")
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("permission_denied"))
                .body("error.field", equalTo("kind"));
        JsonPath member = create(asUser(), "member key", null);
        assertEquals("member", member.getString("role"));
        JsonPath admin = create(asAdmin(), "admin key", null);
        assertEquals("admin", admin.getString("role"));

        given().header("x-api-key", member.getString("key"))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        assertEquals(
                "member",
                InternalJwt.parse(stubs.agentService().last().authorization())
                        .claims()
                        .get("role")
                        .asText());
        given().header("x-api-key", admin.getString("key"))
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        assertEquals(
                "admin",
                InternalJwt.parse(stubs.agentService().last().authorization())
                        .claims()
                        .get("role")
                        .asText());
        // a member's personal key is no way to a service key
        given().header("x-api-key", member.getString("key"))
                .contentType(ContentType.JSON)
                .body("{\"name\": \"escalate\", \"kind\": \"service\"}")
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403);
    }

    @Test
    void badRequestsAre400NamingTheField() {
        asUser().body("{\"name\": \"k\", \"kind\": \"admin\"}")
                .post("/api/v1/api-keys")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("kind"))
                .body("error.message", equalTo("kind must be one of: personal, service"));
        for (String body : List.of(
                "{}",
                "{\"name\": \"\"}",
                "{\"name\": \"   \"}",
                "{\"name\": \"" + "x".repeat(101) + "\"}",
                "{\"name\": {\"a\": 1}}")) {
            asUser().body(body)
                    .post("/api/v1/api-keys")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("invalid_argument"))
                    .body("error.field", equalTo("name"));
        }
        asUser().body("not json").post("/api/v1/api-keys").then().statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "anonymous"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        asUser().get("/api/v1/api-keys").then().statusCode(200).body("api_keys", notNullValue());
    }
}
