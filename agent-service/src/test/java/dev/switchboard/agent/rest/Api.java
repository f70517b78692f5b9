package dev.switchboard.agent.rest;

import dev.switchboard.local.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Calls the internal API the way the gateway does: JSON with an internal token for an org. */
final class Api {

    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private Api() {
    }

    static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    static RequestSpecification as(String org) {
        return given().auth().oauth2(TestTokens.internal(org, "user-1")).contentType(ContentType.JSON);
    }

    static ValidatableResponse create(String org, Map<String, Object> body) {
        return as(org).body(body).when().post("/internal/agents").then();
    }

    static ValidatableResponse createAgent(String org, String handle) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Agent " + handle, "model", "gpt-5-mini"));
        if (handle != null) {
            body.put("handle", handle);
        }
        return create(org, body).statusCode(201);
    }

    static void assertError(ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.field", equalTo(field))
                .body("error.size()", equalTo(field == null ? 2 : 3));
    }
}
