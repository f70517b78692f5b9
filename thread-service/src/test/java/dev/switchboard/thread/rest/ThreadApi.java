package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.assertError;

import dev.switchboard.local.testing.Api;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;

/** The thread-service calls the tests make, through its internal API as the gateway and run-service call it. */
public final class ThreadApi {

    private ThreadApi() {}

    public static String createThread(String org, String user, UUID agentId) {
        return Api.as(org, user)
                .body(Map.of("agentId", agentId.toString(), "agentNumericId", 7))
                .post("/internal/threads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The body that appends a message. */
    public static Map<String, Object> message(UUID id, String role, String content) {
        return Map.of("id", id.toString(), "role", role, "content", content);
    }

    /** Appends as an admin of the org (any user may then write to any thread of it, as run-service does). */
    public static ValidatableResponse append(
            String org, String user, String threadId, UUID id, String role, String content) {
        return Api.asAdmin(org, user)
                .body(message(id, role, content))
                .post("/internal/threads/" + threadId + "/messages")
                .then();
    }

    /** The error body of a 404 that names no field: what a caller gets for what it may not reach. */
    public static void assertNotFound(ValidatableResponse response) {
        assertError(response, 404, "not_found", null);
    }

    /** The error body of a 400 naming {@code field}. */
    public static void assertInvalid(ValidatableResponse response, String field) {
        assertError(response, 400, "invalid_argument", field);
    }
}
