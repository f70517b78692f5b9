package dev.switchboard.agent.rest;

import static dev.switchboard.agent.rest.AgentApi.create;
import static dev.switchboard.agent.rest.AgentApi.createAgent;
import static dev.switchboard.agent.rest.AgentApi.patch;
import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ErrorsTest {

    @Test
    void aMissingTokenIs401() {
        assertError(given().get("/internal/agents").then(), 401, "unauthenticated", null);
        assertError(
                given().contentType(ContentType.JSON)
                        .body(Map.of("name", "x", "model", "m"))
                        .post("/internal/agents")
                        .then(),
                401,
                "unauthenticated",
                null);
    }

    @Test
    void anInvalidTokenIs401() {
        assertError(given().auth().oauth2("not-a-jwt").get("/internal/agents").then(), 401, "unauthenticated", null);
        String userToken = TestTokens.user(newOrg(), "user-1");
        assertError(given().auth().oauth2(userToken).get("/internal/agents").then(), 401, "unauthenticated", null);
        String expired = TestTokens.signed(TestTokens.INTERNAL_ISSUER, newOrg(), "user-1", Duration.ofMinutes(-10));
        assertError(given().auth().oauth2(expired).get("/internal/agents").then(), 401, "unauthenticated", null);
    }

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Test
    void healthNeedsNoTokenOnTheManagementPortAndIsNotOnTheServicePort() {
        given().get(health + "/live").then().statusCode(200);
        given().get(health + "/ready").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void invalidFieldsAre400NamingTheField() {
        String org = newOrg();
        assertError(create(org, Map.of("model", "m")), 400, "invalid_argument", "name");
        assertError(create(org, Map.of("name", "", "model", "m")), 400, "invalid_argument", "name");
        assertError(create(org, Map.of("name", "n".repeat(201), "model", "m")), 400, "invalid_argument", "name");
        assertError(create(org, Map.of("name", "n")), 400, "invalid_argument", "model");
        assertError(create(org, Map.of("name", "n", "model", "m".repeat(101))), 400, "invalid_argument", "model");
        assertError(
                create(org, Map.of("name", "n", "model", "m", "instructions", "i".repeat(100_001))),
                400,
                "invalid_argument",
                "instructions");
        for (String handle :
                new String[] {"Bad", "1bad", "bad_handle", "", "b".repeat(64), "deadbeef-dead-beef-dead-beefdeadbeef"
                }) {
            assertError(
                    create(org, Map.of("name", "n", "model", "m", "handle", handle)),
                    400,
                    "invalid_argument",
                    "handle");
        }
        create(
                        org,
                        Map.of(
                                "name",
                                "n".repeat(200),
                                "model",
                                "m".repeat(100),
                                "instructions",
                                "i".repeat(100_000),
                                "handle",
                                "b".repeat(63)))
                .statusCode(201);
    }

    @Test
    void invalidPatchFieldsAre400() {
        String org = newOrg();
        String id = String.valueOf(createAgent(org, null).extract().jsonPath().getLong("id"));
        assertError(patch(org, id, Map.of("name", "")), 400, "invalid_argument", "name");
        assertError(patch(org, id, Map.of("handle", "NO")), 400, "invalid_argument", "handle");
        assertError(patch(org, id, "{\"model\": [1]}"), 400, "invalid_argument", "model");
    }

    /**
     * JSON that cannot be read as the request, and JSON the API refuses as it reads it (the NUL character,
     * unpaired surrogates, duplicate keys, trailing data): 400 naming the field where there is one ({@code -}: none).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            {"name": {"first": "x"}, "model": "m"}                        | name
            {"name": "n", "model": ["m"]}                                 | model
            {"name": "n", "model":                                        | model
            {"name" "n"}                                                  | name
            [1, 2]                                                        | -
            ''                                                            | -
            {"name": "n\\u0000", "model": "m"}                            | name
            {"name": "n", "model": "m", "tools": [{"type": "mcp", "url": "https://mcp.example.com", \
            "headers": {"X-Key": "\\udc00"}}]}                            | tools[0].headers.X-Key
            {"name": "n", "model": "m", "model": "o"}                     | model
            {"name": "n", "model": "m"} {}                                | -
            {"na\\u0000me": "n", "model": "m"}                            | na\\u0000me
            """)
    void unreadableOrRefusedJsonIs400(String body, String field) {
        assertError(create(newOrg(), body), 400, "invalid_argument", field);
    }

    @Test
    void anUnreadableBodyIsNotAnsweredWithJavaInternals() {
        create(newOrg(), "{\"name\": {\"first\": \"x\"}}")
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aBodyOverTheLimitIs413AnnouncedOrNot() {
        String big = "{\"name\": \"n\", \"model\": \"m\"" + " ".repeat(1_100_000) + "}";
        assertError(as(newOrg()).body(big).post("/internal/agents").then(), 413, "payload_too_large", null);
        assertError(
                as(newOrg())
                        .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
                        .post("/internal/agents")
                        .then(),
                413,
                "payload_too_large",
                null);
    }

    @Test
    void unknownRoutesAre404Json() {
        String org = newOrg();
        assertError(as(org).get("/internal/nothing-here").then(), 404, "not_found", null);
        assertError(given().get("/nothing-here").then(), 404, "not_found", null);
    }

    @Test
    void aWrongMethodKeepsItsStatusInTheErrorBody() {
        assertError(as(newOrg()).delete("/internal/agents/1").then(), 405, "invalid_argument", null);
    }
}
