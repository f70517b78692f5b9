package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.assertInvalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
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

    /** Alice starts a thread in {@code org} with {@code body}. */
    private static ValidatableResponse startThread(String org, Object body) {
        return as(org, "alice")
                .body(body)
                .post("/internal/threads/with-message")
                .then();
    }

    @Test
    void aThreadStartsWithItsFirstMessageFilesAndOrigin() {
        String org = newOrg();
        String file = FileResourceTest.uploaded(org, "alice");
        Map<String, Object> body = start("Summarize the attached launch plan.", List.of(file, file));
        body.put("clientExternalRef", "linear-ENG-123");
        body.put("attributedUserId", "carol");
        JsonPath started = startThread(org, body)
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
        startThread(newOrg(), start("hello", null))
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
        assertError(startThread(org, start("hi", List.of(mine, bobs))), 404, "not_found", "fileIds[1]");
        assertError(startThread(org, start("hi", List.of(otherOrgs))), 404, "not_found", "fileIds[0]");
        assertError(
                startThread(org, start("hi", List.of("file_0000000000000000000000000Z"))),
                404,
                "not_found",
                "fileIds[0]");
        assertInvalid(startThread(org, start("hi", List.of(mine, "nope"))), "fileIds[1]");
    }

    @Test
    void badInputNamesTheField() {
        String org = newOrg();
        assertInvalid(startThread(org, start("", null)), "content");
        for (Map.Entry<String, Object> bad : Map.<String, Object>of(
                        "clientExternalRef", "x".repeat(256), "attributedUserId", "x".repeat(256), "fileIds", "file_x")
                .entrySet()) {
            Map<String, Object> body = start("hi", null);
            body.put(bad.getKey(), bad.getValue());
            assertInvalid(startThread(org, body), bad.getKey());
        }
        // the body ends where the value of agentId should be: named
        assertInvalid(startThread(org, "{\"agentId\": "), "agentId");
    }
}
