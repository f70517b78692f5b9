package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.createThread;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Framework-level failures answer the one error body, name the field when one is at fault, and never leak Java. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ErrorBodyTest {

    private final String org = newOrg();

    @Test
    void wrongJsonTypesNameTheField() {
        String agent = UUID.randomUUID().toString();
        assertError(
                as(org, "alice")
                        .body("{\"agentId\": \"" + agent + "\", \"agentNumericId\": \"seven\"}")
                        .post("/internal/threads")
                        .then(),
                400,
                "invalid_argument",
                "agentNumericId");
        assertError(
                as(org, "alice")
                        .body("{\"agentId\": {\"x\": 1}, \"agentNumericId\": 7}")
                        .post("/internal/threads")
                        .then(),
                400,
                "invalid_argument",
                "agentId");
        assertError(
                as(org, "alice")
                        .body("{\"agentId\": \"" + agent + "\", \"agentNumericId\": -1}")
                        .post("/internal/threads")
                        .then(),
                400,
                "invalid_argument",
                "agentNumericId");

        String thread = createThread(org, "alice", UUID.randomUUID());
        assertError(
                as(org, "alice")
                        .body("{\"id\": \"nope\", \"role\": \"user\", \"content\": \"x\"}")
                        .post("/internal/threads/" + thread + "/messages")
                        .then(),
                400,
                "invalid_argument",
                "id");
        assertError(
                as(org, "alice")
                        .body("{\"id\": \"" + UUID.randomUUID() + "\", \"role\": \"user\", " + "\"content\": [\"x\"]}")
                        .post("/internal/threads/" + thread + "/messages")
                        .then(),
                400,
                "invalid_argument",
                "content");
        assertError(
                as(org, "alice")
                        .body("{\"id\": \"" + UUID.randomUUID() + "\", \"role\": \"user\", "
                                + "\"content\": \"x\", \"runId\": 12}")
                        .post("/internal/threads/" + thread + "/messages")
                        .then(),
                400,
                "invalid_argument",
                "runId");
        assertError(as(org, "alice").body("[1, 2]").post("/internal/threads").then(), 400, "invalid_argument", null);
        as(org, "alice")
                .body("{\"agentId\": 1")
                .post("/internal/threads")
                .then()
                .statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")));
    }

    @Test
    void theNulCharacterUnpairedSurrogatesDuplicateKeysAndTrailingDataAre400() {
        String thread = createThread(org, "alice", UUID.randomUUID());
        String message = "/internal/threads/" + thread + "/messages";
        assertError(
                as(org, "alice")
                        .body("{\"id\": \"" + UUID.randomUUID() + "\", \"role\": \"user\", "
                                + "\"content\": \"a\\u0000\"}")
                        .post(message)
                        .then(),
                400,
                "invalid_argument",
                "content");
        assertError(
                as(org, "alice")
                        .body("{\"id\": \"" + UUID.randomUUID() + "\", \"role\": \"user\", "
                                + "\"content\": \"x\", \"metadata\": {\"tags\": [\"ok\", \"\\ud83d\"]}}")
                        .post(message)
                        .then(),
                400,
                "invalid_argument",
                "metadata.tags[1]");
        assertError(
                as(org, "alice")
                        .body("{\"id\": \"" + UUID.randomUUID() + "\", \"role\": \"user\", "
                                + "\"content\": \"x\", \"content\": \"y\"}")
                        .post(message)
                        .then(),
                400,
                "invalid_argument",
                "content");
        assertError(
                as(org, "alice")
                        .body("{\"agentId\": \"" + UUID.randomUUID() + "\", \"agentNumericId\": 7}]")
                        .post("/internal/threads")
                        .then(),
                400,
                "invalid_argument",
                null);
    }

    @Test
    void aBodyOverTheLimitIs413AnnouncedOrNot() {
        String big = "{\"agentId\": \"" + UUID.randomUUID() + "\", \"agentNumericId\": 7" + " ".repeat(1_100_000) + "}";
        assertError(as(org, "alice").body(big).post("/internal/threads").then(), 413, "payload_too_large", null);
        assertError(
                as(org, "alice")
                        .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
                        .post("/internal/threads")
                        .then(),
                413,
                "payload_too_large",
                null);
    }

    @Test
    void aMissingBodyIsA400() {
        assertError(as(org, "alice").post("/internal/threads").then(), 400, "invalid_argument", null);
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() {
        assertError(as(org, "alice").get("/internal/nothing-here").then(), 404, "not_found", null);
        assertError(as(org, "alice").get("/no/such/route").then(), 404, "not_found", null);
        assertError(
                as(org, "alice")
                        .delete("/internal/threads/" + createThread(org, "alice", UUID.randomUUID()))
                        .then(),
                405,
                "invalid_argument",
                null);
        assertError(
                as(org, "alice")
                        .contentType(ContentType.TEXT)
                        .body("hello")
                        .post("/internal/threads")
                        .then(),
                415,
                "invalid_argument",
                null);
    }
}
