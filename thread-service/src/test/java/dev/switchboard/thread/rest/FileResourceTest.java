package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class FileResourceTest {

    static final byte[] PLAN = "launch plan: ship it\n".getBytes(StandardCharsets.UTF_8);

    static RequestSpecification upload(String org, String user, byte[] bytes) {
        return given().auth()
                .oauth2(TestTokens.internal(org, user))
                .contentType("application/octet-stream")
                .queryParam("filename", "launch plan.md")
                .queryParam("contentType", "text/markdown")
                .body(bytes);
    }

    static String uploaded(String org, String user) {
        return upload(org, user, PLAN)
                .post("/internal/files")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void anUploadIsStoredWithItsMetadataAndBytes() throws Exception {
        String org = newOrg();
        String id = upload(org, "alice", PLAN)
                .post("/internal/files")
                .then()
                .statusCode(201)
                .body("id", matchesPattern("file_[0-9A-Z]{26}"))
                .body("filename", equalTo("launch plan.md"))
                .body("contentType", equalTo("text/markdown"))
                .body("size", equalTo(PLAN.length))
                .body(
                        "sha256",
                        equalTo(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(PLAN))))
                .body("createdAt", matchesPattern(Api.TIME))
                .extract()
                .path("id");

        Api.as(org, "alice")
                .get("/internal/files/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("size", equalTo(PLAN.length));
        byte[] content = given().auth()
                .oauth2(TestTokens.internal(org, "alice"))
                .get("/internal/files/" + id + "/content")
                .then()
                .statusCode(200)
                .contentType(matchesPattern("text/markdown.*"))
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''launch%20plan.md"))
                .extract()
                .asByteArray();
        assertEquals(new String(PLAN, StandardCharsets.UTF_8), new String(content, StandardCharsets.UTF_8));
        assertArrayEquals(PLAN, content);
    }

    @Test
    void anotherOrganisationsOrUsersFileIsNotFound() {
        String org = newOrg();
        String id = uploaded(org, "alice");
        assertError(Api.as(newOrg(), "alice").get("/internal/files/" + id).then(), 404, "not_found", null);
        assertError(Api.as(org, "bob").get("/internal/files/" + id).then(), 404, "not_found", null);
        assertError(
                given().auth()
                        .oauth2(TestTokens.internal(org, "bob"))
                        .get("/internal/files/" + id + "/content")
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                Api.as(org, "alice")
                        .get("/internal/files/file_00000000000000000000000000")
                        .then(),
                404,
                "not_found",
                null);
        assertError(Api.as(org, "alice").get("/internal/files/not-a-file-id").then(), 404, "not_found", null);
    }

    @Test
    void aFileOverTheLimitIs413AndAnEmptyOneIs400() {
        String org = newOrg();
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        assertError(upload(org, "alice", tooLarge).post("/internal/files").then(), 413, "payload_too_large", "file");
        byte[] exactly = new byte[20 * 1024 * 1024];
        upload(org, "alice", exactly)
                .post("/internal/files")
                .then()
                .statusCode(201)
                .body("size", equalTo(exactly.length));
        assertError(upload(org, "alice", new byte[0]).post("/internal/files").then(), 400, "invalid_argument", "file");
    }

    @Test
    void filenameAndContentTypeAreChecked() {
        String org = newOrg();
        assertError(
                given().auth()
                        .oauth2(TestTokens.internal(org, "alice"))
                        .contentType("application/octet-stream")
                        .body(PLAN)
                        .post("/internal/files")
                        .then(),
                400,
                "invalid_argument",
                "filename");
        assertError(
                given().auth()
                        .oauth2(TestTokens.internal(org, "alice"))
                        .contentType("application/octet-stream")
                        .queryParam("filename", "x".repeat(256))
                        .body(PLAN)
                        .post("/internal/files")
                        .then(),
                400,
                "invalid_argument",
                "filename");
        assertError(
                given().auth()
                        .oauth2(TestTokens.internal(org, "alice"))
                        .contentType("application/octet-stream")
                        .queryParam("filename", "a")
                        .queryParam("contentType", "not a type")
                        .body(PLAN)
                        .post("/internal/files")
                        .then(),
                400,
                "invalid_argument",
                "contentType");
        given().auth()
                .oauth2(TestTokens.internal(org, "alice"))
                .contentType("application/octet-stream")
                .queryParam("filename", "blob")
                .body(PLAN)
                .post("/internal/files")
                .then()
                .statusCode(201)
                .body("contentType", equalTo("application/octet-stream"));
    }

    @Test
    void withoutATokenItIs401() {
        given().contentType("application/octet-stream")
                .body(PLAN)
                .queryParam("filename", "a")
                .post("/internal/files")
                .then()
                .statusCode(401);
    }
}
