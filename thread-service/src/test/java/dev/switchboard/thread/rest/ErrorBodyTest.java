package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.assertInvalid;
import static dev.switchboard.thread.rest.ThreadApi.assertNotFound;
import static dev.switchboard.thread.rest.ThreadApi.createThread;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Framework-level failures answer the one error body, name the field when one is at fault, and never leak Java. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ErrorBodyTest {

    private final String org = newOrg();

    /** Alice posts the JSON text {@code body} to {@code path}. */
    private ValidatableResponse posted(String path, String body) {
        return as(org, "alice").body(body).post(path).then();
    }

    /** A message body of alice's with {@code more} (JSON members) after its id and role. */
    private static String message(String more) {
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"role\": \"user\", " + more + "}";
    }

    @Test
    void wrongJsonTypesNameTheField() {
        String agent = UUID.randomUUID().toString();
        assertInvalid(
                posted("/internal/threads", "{\"agentId\": \"" + agent + "\", \"agentNumericId\": \"seven\"}"),
                "agentNumericId");
        assertInvalid(posted("/internal/threads", "{\"agentId\": {\"x\": 1}, \"agentNumericId\": 7}"), "agentId");
        assertInvalid(
                posted("/internal/threads", "{\"agentId\": \"" + agent + "\", \"agentNumericId\": -1}"),
                "agentNumericId");

        String messages = "/internal/threads/" + createThread(org, "alice", UUID.randomUUID()) + "/messages";
        assertInvalid(posted(messages, "{\"id\": \"nope\", \"role\": \"user\", \"content\": \"x\"}"), "id");
        assertInvalid(posted(messages, message("\"content\": [\"x\"]")), "content");
        assertInvalid(posted(messages, message("\"content\": \"x\", \"runId\": 12")), "runId");
        assertInvalid(posted("/internal/threads", "[1, 2]"), null);
        posted("/internal/threads", "{\"agentId\": 1")
                .statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")));
    }

    @Test
    void theNulCharacterUnpairedSurrogatesDuplicateKeysAndTrailingDataAre400() {
        String messages = "/internal/threads/" + createThread(org, "alice", UUID.randomUUID()) + "/messages";
        assertInvalid(posted(messages, message("\"content\": \"a\\u0000\"")), "content");
        assertInvalid(
                posted(messages, message("\"content\": \"x\", \"metadata\": {\"tags\": [\"ok\", \"\\ud83d\"]}")),
                "metadata.tags[1]");
        assertInvalid(posted(messages, message("\"content\": \"x\", \"content\": \"y\"")), "content");
        assertInvalid(
                posted("/internal/threads", "{\"agentId\": \"" + UUID.randomUUID() + "\", \"agentNumericId\": 7}]"),
                null);
    }

    @Test
    void aBodyOverTheLimitIs413AnnouncedOrNot() {
        String big = "{\"agentId\": \"" + UUID.randomUUID() + "\", \"agentNumericId\": 7" + " ".repeat(1_100_000) + "}";
        assertError(posted("/internal/threads", big), 413, "payload_too_large", null);
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
        assertInvalid(as(org, "alice").post("/internal/threads").then(), null);
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() {
        assertNotFound(as(org, "alice").get("/internal/nothing-here").then());
        assertNotFound(as(org, "alice").get("/no/such/route").then());
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
