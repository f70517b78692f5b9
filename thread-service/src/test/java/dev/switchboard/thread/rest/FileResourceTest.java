package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.assertInvalid;
import static dev.switchboard.thread.rest.ThreadApi.assertNotFound;
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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class FileResourceTest {

    static final byte[] PLAN = "launch plan: ship it\n".getBytes(StandardCharsets.UTF_8);

    /** An upload of {@code user}'s with the query parameters given ({@code filename}, {@code contentType}). */
    static RequestSpecification upload(String org, String user, Map<String, String> query) {
        return given().auth()
                .oauth2(TestTokens.internal(org, user))
                .contentType("application/octet-stream")
                .queryParams(query);
    }

    static RequestSpecification upload(String org, String user, byte[] bytes) {
        return upload(org, user, Map.of("filename", "launch plan.md", "contentType", "text/markdown"))
                .body(bytes);
    }

    /** The bytes of file {@code id} as {@code user} downloads them. */
    static ValidatableResponse content(String org, String user, String id) {
        return given().auth()
                .oauth2(TestTokens.internal(org, user))
                .get("/internal/files/" + id + "/content")
                .then();
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
        byte[] content = content(org, "alice", id)
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
        assertNotFound(Api.as(newOrg(), "alice").get("/internal/files/" + id).then());
        assertNotFound(Api.as(org, "bob").get("/internal/files/" + id).then());
        assertNotFound(content(org, "bob", id));
        for (String unknown : List.of("file_00000000000000000000000000", "not-a-file-id")) {
            assertNotFound(
                    Api.as(org, "alice").get("/internal/files/" + unknown).then());
        }
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
        for (Map.Entry<Map<String, String>, String> bad : Map.of(
                        Map.<String, String>of(), "filename",
                        Map.of("filename", "x".repeat(256)), "filename",
                        Map.of("filename", "a", "contentType", "not a type"), "contentType")
                .entrySet()) {
            assertInvalid(
                    upload(org, "alice", bad.getKey())
                            .body(PLAN)
                            .post("/internal/files")
                            .then(),
                    bad.getValue());
        }
        upload(org, "alice", Map.of("filename", "blob"))
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
