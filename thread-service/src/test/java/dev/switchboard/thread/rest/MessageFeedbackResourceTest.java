package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static dev.switchboard.thread.rest.ThreadApi.createThread;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seed 004 message details (HTML, metadata, attachments, tool calls) and feedback on assistant messages. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class MessageFeedbackResourceTest {

    private final UUID agent = UUID.randomUUID();

    @Test
    void detailsAreStoredAndReadBackAsJson() {
        String org = newOrg();
        String thread = createThread(org, "alice", agent);
        UUID id = UUID.randomUUID();
        List<Map<String, Object>> toolCalls = List.of(Map.of(
                "toolName",
                "search",
                "arguments",
                Map.of("q", "x"),
                "result",
                Map.of("hits", 2),
                "startTime",
                "2026-05-01T10:00:00.000Z",
                "endTime",
                "2026-05-01T10:00:01.000Z"));
        as(org, "alice")
                .body(Map.of(
                        "id",
                        id.toString(),
                        "role",
                        "user",
                        "content",
                        "hi",
                        "contentHtml",
                        "<p>hi</p>",
                        "metadata",
                        Map.of("source", "slack", "n", 3),
                        "attachments",
                        List.of(Map.of("name", "a.txt")),
                        "toolCalls",
                        toolCalls))
                .post("/internal/threads/" + thread + "/messages")
                .then()
                .statusCode(201)
                .body("contentHtml", equalTo("<p>hi</p>"))
                .body("metadata.source", equalTo("slack"))
                .body("metadata.n", equalTo(3))
                .body("attachments[0].name", equalTo("a.txt"))
                .body("toolCalls[0].toolName", equalTo("search"))
                .body("toolCalls[0].arguments.q", equalTo("x"));

        as(org, "alice")
                .get("/internal/threads/" + thread + "/messages/" + id)
                .then()
                .statusCode(200)
                .body("message.id", equalTo(id.toString()))
                .body("message.metadata.source", equalTo("slack"))
                .body("message.toolCalls[0].result.hits", equalTo(2))
                .body("feedback", nullValue());
        as(org, "alice")
                .get("/internal/threads/" + thread + "/messages")
                .then()
                .statusCode(200)
                .body("messages[0].contentHtml", equalTo("<p>hi</p>"));
    }

    @Test
    void aMessageWithoutDetailsHasNullsAsBefore() {
        String org = newOrg();
        String thread = createThread(org, "alice", agent);
        append(org, "alice", thread, UUID.randomUUID(), "user", "plain")
                .statusCode(201)
                .body("contentHtml", nullValue())
                .body("metadata", nullValue())
                .body("attachments", nullValue())
                .body("toolCalls", nullValue());
    }

    @Test
    void detailsOfTheWrongShapeAre400NamingTheField() {
        String org = newOrg();
        String thread = createThread(org, "alice", agent);
        for (Map.Entry<String, Object> bad : Map.<String, Object>of(
                        "metadata",
                        List.of(1),
                        "attachments",
                        Map.of("a", 1),
                        "toolCalls",
                        "nope",
                        "contentHtml",
                        "x".repeat(200_001))
                .entrySet()) {
            assertError(
                    as(org, "alice")
                            .body(Map.of(
                                    "id",
                                    UUID.randomUUID().toString(),
                                    "role",
                                    "user",
                                    "content",
                                    "hi",
                                    bad.getKey(),
                                    bad.getValue()))
                            .post("/internal/threads/" + thread + "/messages")
                            .then(),
                    400,
                    "invalid_argument",
                    bad.getKey());
        }
    }

    @Test
    void feedbackOnAnAnswerNamesTheQuestionAndRunAndIsUpdatedWhenGivenAgain() {
        String org = newOrg();
        String thread = createThread(org, "alice", agent);
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        append(org, "alice", thread, UUID.randomUUID(), "user", "older question")
                .statusCode(201);
        append(org, "alice", thread, question, "user", "question").statusCode(201);
        as(org, "alice")
                .body(Map.of(
                        "id", answer.toString(), "role", "assistant", "content", "answer", "runId", run.toString()))
                .post("/internal/threads/" + thread + "/messages")
                .then()
                .statusCode(201);

        String path = "/internal/threads/" + thread + "/messages/" + answer + "/feedback";
        String created = as(org, "alice")
                .body(Map.of("feedbackType", "thumbs_down", "issueType", "inaccurate", "comment", "wrong year"))
                .put(path)
                .then()
                .statusCode(201)
                .body("messageId", equalTo(answer.toString()))
                .body("humanMessageId", equalTo(question.toString()))
                .body("runId", equalTo(run.toString()))
                .body("userId", equalTo("alice"))
                .body("orgId", equalTo(org))
                .body("threadId", equalTo(thread))
                .body("feedbackType", equalTo("thumbs_down"))
                .body("issueType", equalTo("inaccurate"))
                .body("comment", equalTo("wrong year"))
                .body("createdAt", matchesPattern(Api.TIME))
                .extract()
                .path("createdAt");
        String id = as(org, "alice")
                .get("/internal/threads/" + thread + "/messages/" + answer)
                .then()
                .statusCode(200)
                .body("feedback.feedbackType", equalTo("thumbs_down"))
                .extract()
                .path("feedback.id");

        as(org, "alice")
                .body(Map.of("feedbackType", "thumbs_up"))
                .put(path)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("feedbackType", equalTo("thumbs_up"))
                .body("issueType", nullValue())
                .body("comment", nullValue())
                .body("createdAt", equalTo(created));
        as(org, "alice")
                .get("/internal/threads/" + thread + "/messages/" + answer)
                .then()
                .statusCode(200)
                .body("feedback.feedbackType", equalTo("thumbs_up"));

        // bob, another member, reaches alice's thread only once she adds him to it
        assertError(
                as(org, "bob")
                        .get("/internal/threads/" + thread + "/messages/" + answer)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "bob")
                        .body(Map.of("feedbackType", "thumbs_up"))
                        .put(path)
                        .then(),
                404,
                "not_found",
                null);
        as(org, "alice")
                .put("/internal/threads/" + thread + "/participants/bob")
                .then()
                .statusCode(200)
                .body("userIds", hasItem("bob"));
        // feedback is per user: bob sees none on the message and gives his own
        as(org, "bob")
                .get("/internal/threads/" + thread + "/messages/" + answer)
                .then()
                .statusCode(200)
                .body("feedback", nullValue());
        String bobs = as(org, "bob")
                .body(Map.of("feedbackType", "thumbs_up"))
                .put(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertNotEquals(id, bobs);
    }

    @Test
    void badFeedbackIs400AndOtherOrgsOrUnknownMessagesAre404() {
        String org = newOrg();
        String thread = createThread(org, "alice", agent);
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        append(org, "alice", thread, question, "user", "question").statusCode(201);
        append(org, "alice", thread, answer, "assistant", "answer").statusCode(201);
        String path = "/internal/threads/" + thread + "/messages/" + answer + "/feedback";

        String message = as(org, "alice")
                .body(Map.of("feedbackType", "meh"))
                .put(path)
                .then()
                .statusCode(400)
                .body("error.field", equalTo("feedbackType"))
                .extract()
                .path("error.message");
        assertEquals("feedbackType must be one of: thumbs_up, thumbs_down", message);
        assertError(as(org, "alice").body(Map.of()).put(path).then(), 400, "invalid_argument", "feedbackType");
        assertError(
                as(org, "alice")
                        .body(Map.of("feedbackType", "thumbs_up", "issueType", "x".repeat(101)))
                        .put(path)
                        .then(),
                400,
                "invalid_argument",
                "issueType");
        assertError(
                as(org, "alice")
                        .body(Map.of("feedbackType", "thumbs_up", "comment", "x".repeat(5001)))
                        .put(path)
                        .then(),
                400,
                "invalid_argument",
                "comment");
        assertError(
                as(org, "alice")
                        .body(Map.of("feedbackType", "thumbs_up"))
                        .put("/internal/threads/" + thread + "/messages/" + question + "/feedback")
                        .then(),
                400,
                "invalid_argument",
                "messageId");

        assertError(
                as(newOrg(), "alice")
                        .body(Map.of("feedbackType", "thumbs_up"))
                        .put(path)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(newOrg(), "alice")
                        .get("/internal/threads/" + thread + "/messages/" + answer)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "alice")
                        .get("/internal/threads/" + thread + "/messages/" + UUID.randomUUID())
                        .then(),
                404,
                "not_found",
                "messageId");
        assertError(
                as(org, "alice")
                        .get("/internal/threads/" + thread + "/messages/not-a-uuid")
                        .then(),
                404,
                "not_found",
                "messageId");
    }
}
