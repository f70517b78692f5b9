package dev.switchboard.gateway.rest;

import dev.switchboard.local.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A caller of the public API: a fresh org and user with a valid end-user token, a member unless made an admin. */
final class Api {

    static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    final String org = "org-" + UUID.randomUUID();
    final String user = "user-" + UUID.randomUUID();
    final String token;

    /** A member of a fresh org. */
    Api() {
        this(false);
    }

    private Api(boolean admin) {
        token = admin ? TestTokens.admin(org, user) : TestTokens.user(org, user);
    }

    /** An admin of a fresh org (creates and changes agents and teams). */
    static Api admin() {
        return new Api(true);
    }

    RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token);
    }

    RequestSpecification json(String body) {
        return request().contentType(ContentType.JSON).body(body);
    }
}
