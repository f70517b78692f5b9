package dev.switchboard.run.rest;

import static io.restassured.RestAssured.given;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * A caller of run-service's run routes in a test, with the internal token the gateway forwards: a member of an org,
 * an admin of it, or one of its service keys.
 */
public record RunCalls(String org, String user, String token) {

    /** A member of a fresh org. */
    public static RunCalls newOrg() {
        return member(Api.newOrg(), "user-" + UUID.randomUUID());
    }

    public static RunCalls member(String org, String user) {
        return new RunCalls(org, user, TestTokens.internal(org, user));
    }

    public static RunCalls admin(String org, String user) {
        return new RunCalls(org, user, TestTokens.internalAdmin(org, user));
    }

    /** A service key of the org. */
    public static RunCalls service(String org) {
        String keyId = UUID.randomUUID().toString();
        return new RunCalls(org, keyId, TestTokens.internalService(org, keyId));
    }

    public RequestSpecification request() {
        return given().auth().oauth2(token);
    }

    /** {@code POST /internal/runs}: a buffered run. */
    public ValidatableResponse run(Object body) {
        return post("", body);
    }

    /** {@code POST /internal/runs} followed by {@code route} ({@code /start}, {@code /stream}) with a JSON body. */
    public ValidatableResponse post(String route, Object body) {
        return request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/internal/runs" + route)
                .then();
    }

    /** {@code GET /internal/runs/{id}}. */
    public ValidatableResponse get(String runId) {
        return request().get("/internal/runs/{id}", runId).then();
    }

    /** {@code GET /internal/runs/{id}/stream}, the whole replay. */
    public ValidatableResponse stream(String runId) {
        return request().get("/internal/runs/{id}/stream", runId).then();
    }

    /** {@code POST /internal/runs/{id}/cancel}. */
    public ValidatableResponse cancel(String runId) {
        return request().post("/internal/runs/{id}/cancel", runId).then();
    }
}
