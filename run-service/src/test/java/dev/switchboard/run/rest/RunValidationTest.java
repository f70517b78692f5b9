package dev.switchboard.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import dev.switchboard.run.stub.ContractStubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input is 400 naming the field, never 500; no token is 401; unknown routes are 404 JSON. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
class RunValidationTest {

    private final String token = TestTokens.internal("org-validation", "user-1");
    private final String agentId = UUID.randomUUID().toString();

    @Test
    void messageIsRequiredAndBounded() {
        invalid(Map.of("agentId", agentId, "threadMode", "new"), "message");
        invalid(Map.of("agentId", agentId, "threadMode", "new", "message", ""), "message");
        invalid(Map.of("agentId", agentId, "threadMode", "new", "message", "x".repeat(100_001)), "message")
                .body("error.message", containsString("100000"));
    }

    @Test
    void threadModeMustBeOneOfTheThree() {
        invalid(Map.of("agentId", agentId, "threadMode", "sometimes", "message", "hi"), "threadMode")
                .body("error.message", containsString("new, existing, current"));
        invalid(Map.of("agentId", agentId, "message", "hi"), "threadMode");
    }

    @Test
    void existingThreadModeNeedsAThreadId() {
        invalid(Map.of("agentId", agentId, "threadMode", "existing", "message", "hi"), "threadId");
    }

    @Test
    void agentIdMustBeAUuid() {
        invalid(Map.of("agentId", "demo", "threadMode", "new", "message", "hi"), "agentId");
        invalid(Map.of("threadMode", "new", "message", "hi"), "agentId");
    }

    @Test
    void malformedJsonOrWrongTypesAre400() {
        post("{\"agentId\": ").statusCode(400).body("error.code", equalTo("invalid_argument"));
        post("{\"agentId\": \"" + agentId + "\", \"threadMode\": \"new\", \"message\": {\"a\": 1}}")
                .statusCode(400)
                .body("error.field", equalTo("message"));
        post("[1, 2]").statusCode(400).body("error.code", equalTo("invalid_argument"));
        post("").statusCode(400).body("error.code", equalTo("invalid_argument"));
    }

    @Test
    void theNulCharacterUnpairedSurrogatesAndDuplicateKeysAre400NamingTheField() {
        post("{\"agentId\": \"" + agentId + "\", \"threadMode\": \"new\", \"message\": \"a\\u0000b\"}")
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("invalid_argument"))
                .body("error.field", equalTo("message"))
                .body("error.message", containsString("NUL"));
        post("{\"agentId\": \"" + agentId + "\", \"threadMode\": \"new\", \"message\": \"\\ud800\"}")
                .statusCode(400)
                .body("error.field", equalTo("message"));
        post("{\"agentId\": \"" + agentId + "\", \"threadMode\": \"new\", \"threadMode\": \"current\", "
                        + "\"message\": \"hi\"}")
                .statusCode(400)
                .body("error.field", equalTo("threadMode"));
        post("{\"agentId\": \"" + agentId + "\", \"threadMode\": \"new\", \"message\": \"hi\"} []")
                .statusCode(400)
                .body("error.code", equalTo("invalid_argument"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"agentId\": \"" + agentId + "\", \"threadMode\": \"new\", \"message\": \"hi\""
                + " ".repeat(1_100_000) + "}";
        post(big).statusCode(413).contentType(ContentType.JSON).body("error.code", equalTo("payload_too_large"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
                .post("/internal/runs")
                .then()
                .statusCode(413)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("payload_too_large"));
    }

    @Test
    void withoutAValidTokenIs401() {
        given().contentType(ContentType.JSON)
                .body(Map.of("agentId", agentId, "threadMode", "new", "message", "hi"))
                .post("/internal/runs")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        given().get("/internal/runs/{id}", UUID.randomUUID())
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        given().auth()
                .oauth2("not-a-jwt")
                .get("/internal/runs/{id}", UUID.randomUUID())
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        // a token of the right key but not an internal one (the end-user issuer)
        given().auth()
                .oauth2(TestTokens.user("org-1", "user-1"))
                .get("/internal/runs/{id}", UUID.randomUUID())
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
    }

    @Test
    void unknownRoutesAre404Json() {
        given().auth()
                .oauth2(token)
                .get("/internal/nothing-here")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("not_found"));
        given().get("/nothing/at/all")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("not_found"));
    }

    private ValidatableResponse invalid(Map<String, String> body, String field) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/internal/runs")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_argument"))
                .body("error.field", equalTo(field));
    }

    private ValidatableResponse post(String rawBody) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(rawBody)
                .post("/internal/runs")
                .then();
    }
}
