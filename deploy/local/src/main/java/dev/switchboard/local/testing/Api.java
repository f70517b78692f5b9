package dev.switchboard.local.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * Calls an API in a test. Statically, a service's internal API the way the gateway forwards a request: JSON with
 * an internal token of an org and user. As an instance, the public API as an end user of a fresh org: a member
 * unless made an {@link #admin()}.
 */
public final class Api {

    /** A timestamp as every service writes it: UTC, milliseconds, {@code Z}. */
    public static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    public final String org = newOrg();
    public final String user = "user-" + UUID.randomUUID();
    public final String token;

    /** A member of a fresh org. */
    public Api() {
        this(false);
    }

    private Api(boolean admin) {
        token = admin ? TestTokens.admin(org, user) : TestTokens.user(org, user);
    }

    /** An admin of a fresh org (creates and changes agents and teams). */
    public static Api admin() {
        return new Api(true);
    }

    /** A public API request with this caller's end-user token. */
    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A public API request with this caller's token and a JSON body. */
    public RequestSpecification json(String body) {
        return request().contentType(ContentType.JSON).body(body);
    }

    public static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    /** An internal request of a member {@code user-1} of the org. */
    public static RequestSpecification as(String org) {
        return as(org, "user-1");
    }

    /** An internal request of a member of the org: reaches what the member may. */
    public static RequestSpecification as(String org, String user) {
        return given().auth().oauth2(TestTokens.internal(org, user)).contentType(ContentType.JSON);
    }

    /** An internal request of an admin of the org: reaches everything of it. */
    public static RequestSpecification asAdmin(String org, String user) {
        return given().auth().oauth2(TestTokens.internalAdmin(org, user)).contentType(ContentType.JSON);
    }

    /** The error body of DESIGN.md, exactly: {@code {"error": {"code", "message"[, "field"]}}}. */
    public static void assertError(ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.field", equalTo(field))
                .body("error.size()", equalTo(field == null ? 2 : 3));
    }
}
