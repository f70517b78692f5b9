package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ErrorAssert.assertError;
import static dev.switchboard.gateway.rest.Uploads.upload;
import static dev.switchboard.gateway.rest.Uploads.uploaded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.gateway.security.UserTokens;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Files: upload (multipart), metadata and bytes, only for the uploader; the size limit. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class FileResourceTest {

    static final String PLAN = "# Launch plan\nship it\n";
    static final byte[] PLAN_BYTES = PLAN.getBytes(StandardCharsets.UTF_8);

    ServiceStubs stubs;

    final Api api = new Api();

    /** Asserts the call is refused as said and thread-service is not called (or not sent a whole body). */
    private void assertRefusedBeforeStoring(Supplier<ValidatableResponse> call, int status, String code, String field) {
        int before = stubs.threadService().received().size();
        assertError(call.get(), status, code, field);
        assertEquals(before, stubs.threadService().received().size());
    }

    @Test
    void anUploadIsForwardedAndReadBack() {
        String id = upload(api.request(), "plan.md", PLAN_BYTES, "text/markdown")
                .statusCode(201)
                .body("id", matchesPattern("file_[0-9A-Z]{26}"))
                .body("filename", equalTo("plan.md"))
                .body("content_type", equalTo("text/markdown"))
                .body("size", equalTo(PLAN.length()))
                .body("sha256", matchesPattern("[0-9a-f]{64}"))
                .body("created_at", matchesPattern(Api.TIME))
                .extract()
                .path("id");
        // the bytes reach thread-service as the raw body, name and type as parameters
        assertEquals(PLAN, stubs.threadService().last().body());
        assertEquals(
                "/internal/files?filename=plan.md&contentType=text%2Fmarkdown",
                stubs.threadService().last().pathAndQuery());

        api.request()
                .get("/api/v1/files/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("content_type", equalTo("text/markdown"));
        String content = api.request()
                .get("/api/v1/files/" + id + "/content")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''plan.md"))
                .extract()
                .asString();
        assertEquals(PLAN, content);
    }

    @Test
    void anotherOrganisationsOrUsersFileIsNotFound() {
        String id = uploaded(api.request(), "plan.md", PLAN_BYTES, "text/markdown");
        Api other = new Api();
        assertError(other.request().get("/api/v1/files/" + id).then(), 404, "not_found", null);
        assertError(other.request().get("/api/v1/files/" + id + "/content").then(), 404, "not_found", null);
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        assertError(
                upload(api.request(), "big.bin", tooLarge, "application/octet-stream"),
                413,
                "payload_too_large",
                "file");
    }

    @Test
    void aRequestAnnouncingMoreThanTheLimitIs413BeforeItsBodyIsRead() {
        byte[] huge = new byte[22 * 1024 * 1024];
        // a byte array body is sent with its Content-Length (RestAssured streams multipart bodies chunked)
        assertRefusedBeforeStoring(
                () -> api.request()
                        .contentType("multipart/form-data; boundary=xyz")
                        .body(huge)
                        .post("/api/v1/files")
                        .then(),
                413,
                "payload_too_large",
                null);
    }

    @Test
    void aFileSentWithoutALengthIsCutOffPastTheLimitAndNothingIsStored() {
        byte[] tooLarge = new byte[21 * 1024 * 1024];
        // thread-service's request is reset, not ended: the stub never gets a whole body to store
        assertRefusedBeforeStoring(
                () -> upload(api.request(), "big.bin", tooLarge, "application/octet-stream"),
                413,
                "payload_too_large",
                "file");
    }

    @Test
    void aMissingOrEmptyFilePartIs400() {
        assertError(
                api.request().multiPart("other", "x").post("/api/v1/files").then(), 400, "invalid_argument", "file");
        assertError(upload(api.request(), "empty.txt", new byte[0], "text/plain"), 400, "invalid_argument", "file");
    }

    @Test
    void aMultipartBodyThatCannotBeReadIs400() {
        assertRefusedBeforeStoring(
                () -> api.request()
                        .contentType("multipart/form-data")
                        .body("x".getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/files")
                        .then(),
                400,
                "invalid_argument",
                "file");
        // the file part breaks off: no closing boundary
        assertRefusedBeforeStoring(
                () -> api.request()
                        .contentType("multipart/form-data; boundary=b")
                        .body("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello"
                                .getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/files")
                        .then(),
                400,
                "invalid_argument",
                "file");
    }

    @Test
    void serviceTokensCannotUploadFiles() {
        assertError(
                upload(UserTokens.bearer(UserTokens.service(api.org)), "plan.md", PLAN_BYTES, "text/markdown"),
                403,
                "permission_denied",
                null);
    }

    @Test
    void withoutATokenItIs401() {
        given().multiPart("file", "plan.md", PLAN_BYTES)
                .post("/api/v1/files")
                .then()
                .statusCode(401);
    }
}
