package dev.switchboard.thread.rest;

import dev.switchboard.local.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Calls the internal API the way the gateway and run-service do: JSON with an internal token. */
public final class Api {

    public static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private Api() {
    }

    public static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    /** A member of the org: reaches the threads they take part in. */
    public static RequestSpecification as(String org, String user) {
        return given().auth().oauth2(TestTokens.internal(org, user)).contentType(ContentType.JSON);
    }

    /** An admin of the org: reaches every thread of it. */
    public static RequestSpecification asAdmin(String org, String user) {
        return given().auth().oauth2(TestTokens.internalAdmin(org, user)).contentType(ContentType.JSON);
    }

    public static String createThread(String org, String user, UUID agentId) {
        return as(org, user).body(Map.of("agentId", agentId.toString(), "agentNumericId", 7))
                .post("/internal/threads").then().statusCode(201).extract().path("id");
    }

    /** Appends as an admin of the org (any user may then write to any thread of it, as run-service does). */
    public static ValidatableResponse append(String org, String user, String threadId, UUID id, String role,
            String content) {
        return asAdmin(org, user).body(Map.of("id", id.toString(), "role", role, "content", content))
                .post("/internal/threads/" + threadId + "/messages").then();
    }

    public static void assertError(ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.field", equalTo(field));
    }
}
