package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ThreadStartResourceTest {

    private final UUID agent = UUID.randomUUID();

    private Map<String, Object> start(String content, List<String> fileIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agent.toString());
        body.put("agentNumericId", 7);
        body.put("content", content);
        body.put("fileIds", fileIds);
        return body;
    }

    @Test
    void aThreadStartsWithItsFirstMessageFilesAndOrigin() {
        String org = newOrg();
        String file = FileResourceTest.uploaded(org, "alice");
        Map<String, Object> body = start("Summarize the attached launch plan.", List.of(file, file));
        body.put("clientExternalRef", "linear-ENG-123");
        body.put("attributedUserId", "carol");
        JsonPath started = as(org, "alice")
                .body(body)
                .post("/internal/threads/with-message")
                .then()
                .statusCode(201)
                .body("thread.agentId", equalTo(agent.toString()))
                .body("thread.createdBy", equalTo("alice"))
                .body("thread.title", equalTo("Summarize the attached launch plan."))
                .body("message.role", equalTo("user"))
                .body("message.userId", equalTo("alice"))
                .body("message.content", equalTo("Summarize the attached launch plan."))
                .body("fileIds", contains(file))
                .body("source", equalTo("api"))
                .body("clientExternalRef", equalTo("linear-ENG-123"))
                .body("attributedUserId", equalTo("carol"))
                .extract()
                .jsonPath();
        String threadId = started.getString("thread.id");
        as(org, "alice")
                .get("/internal/threads/" + threadId + "/messages")
                .then()
                .statusCode(200)
                .body("messages", hasSize(1))
                .body("messages[0].id", equalTo(started.getString("message.id")));
    }

    @Test
    void withoutFilesOrOriginFieldsItIsAPlainApiThread() {
        as(newOrg(), "alice")
                .body(start("hello", null))
                .post("/internal/threads/with-message")
                .then()
                .statusCode(201)
                .body("fileIds", hasSize(0))
                .body("clientExternalRef", nullValue())
                .body("attributedUserId", nullValue());
    }

    @Test
    void anotherUsersOrOrganisationsFileIsNotFoundAndNothingIsCreated() {
        String org = newOrg();
        String mine = FileResourceTest.uploaded(org, "alice");
        String bobs = FileResourceTest.uploaded(org, "bob");
        String otherOrgs = FileResourceTest.uploaded(newOrg(), "alice");
        assertError(
                as(org, "alice")
                        .body(start("hi", List.of(mine, bobs)))
                        .post("/internal/threads/with-message")
                        .then(),
                404,
                "not_found",
                "fileIds[1]");
        assertError(
                as(org, "alice")
                        .body(start("hi", List.of(otherOrgs)))
                        .post("/internal/threads/with-message")
                        .then(),
                404,
                "not_found",
                "fileIds[0]");
        assertError(
                as(org, "alice")
                        .body(start("hi", List.of("file_0000000000000000000000000Z")))
                        .post("/internal/threads/with-message")
                        .then(),
                404,
                "not_found",
                "fileIds[0]");
        assertError(
                as(org, "alice")
                        .body(start("hi", List.of(mine, "nope")))
                        .post("/internal/threads/with-message")
                        .then(),
                400,
                "invalid_argument",
                "fileIds[1]");
    }

    @Test
    void badInputNamesTheField() {
        String org = newOrg();
        assertError(
                as(org, "alice")
                        .body(start("", null))
                        .post("/internal/threads/with-message")
                        .then(),
                400,
                "invalid_argument",
                "content");
        Map<String, Object> body = start("hi", null);
        body.put("clientExternalRef", "x".repeat(256));
        assertError(
                as(org, "alice")
                        .body(body)
                        .post("/internal/threads/with-message")
                        .then(),
                400,
                "invalid_argument",
                "clientExternalRef");
        body = start("hi", null);
        body.put("attributedUserId", "x".repeat(256));
        assertError(
                as(org, "alice")
                        .body(body)
                        .post("/internal/threads/with-message")
                        .then(),
                400,
                "invalid_argument",
                "attributedUserId");
        body = start("hi", null);
        body.put("fileIds", "file_x");
        assertError(
                as(org, "alice")
                        .body(body)
                        .post("/internal/threads/with-message")
                        .then(),
                400,
                "invalid_argument",
                "fileIds");
        // the body ends where the value of agentId should be: named
        assertError(
                as(org, "alice")
                        .body("{\"agentId\": ")
                        .post("/internal/threads/with-message")
                        .then(),
                400,
                "invalid_argument",
                "agentId");
    }
}
