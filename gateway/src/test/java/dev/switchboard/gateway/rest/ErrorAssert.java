package dev.switchboard.gateway.rest;

import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.local.testing.Api;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Assertions on the one error body of DESIGN.md, {@code {"error": {"code", "message"[, "field"]}}}. */
public final class ErrorAssert {

    private ErrorAssert() {}

    /** The error body exactly ({@link Api#assertError}); the response, for more checks. */
    public static ValidatableResponse assertError(ValidatableResponse response, int status, String code, String field) {
        Api.assertError(response, status, code, field);
        return response;
    }

    /** The error body exactly, with this message. */
    public static ValidatableResponse assertError(
            ValidatableResponse response, int status, String code, String field, String message) {
        return assertError(response, status, code, field).body("error.message", equalTo(message));
    }

    /** An error body (JSON) with this status and code, whatever else it says. */
    public static ValidatableResponse assertCode(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType(ContentType.JSON).body("error.code", equalTo(code));
    }
}
