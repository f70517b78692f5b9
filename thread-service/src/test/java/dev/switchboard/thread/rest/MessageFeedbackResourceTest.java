package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static dev.switchboard.thread.rest.ThreadApi.assertInvalid;
import static dev.switchboard.thread.rest.ThreadApi.assertNotFound;
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
import io.restassured.response.ValidatableResponse;
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

        read(org, "alice", thread, id)
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
            assertInvalid(
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
                    bad.getKey());
        }
    }

    /** {@code user} of {@code org} reads message {@code id} of the thread with their feedback on it. */
    private static ValidatableResponse read(String org, String user, String thread, Object id) {
        return as(org, user)
                .get("/internal/threads/" + thread + "/messages/" + id)
                .then();
    }

    /** {@code user} of {@code org} gives feedback at {@code path}. */
    private static ValidatableResponse giveFeedback(String org, String user, String path, Map<String, ?> body) {
        return as(org, user).body(body).put(path).then();
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
        Map<String, String> thumbsUp = Map.of("feedbackType", "thumbs_up");
        String created = giveFeedback(
                        org,
                        "alice",
                        path,
                        Map.of("feedbackType", "thumbs_down", "issueType", "inaccurate", "comment", "wrong year"))
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
        String id = read(org, "alice", thread, answer)
                .statusCode(200)
                .body("feedback.feedbackType", equalTo("thumbs_down"))
                .extract()
                .path("feedback.id");

        giveFeedback(org, "alice", path, thumbsUp)
                .statusCode(200)
                .body("id", equalTo(id))
                .body("feedbackType", equalTo("thumbs_up"))
                .body("issueType", nullValue())
                .body("comment", nullValue())
                .body("createdAt", equalTo(created));
        read(org, "alice", thread, answer).statusCode(200).body("feedback.feedbackType", equalTo("thumbs_up"));

        // bob, another member, reaches alice's thread only once she adds him to it
        assertNotFound(read(org, "bob", thread, answer));
        assertNotFound(giveFeedback(org, "bob", path, thumbsUp));
        as(org, "alice")
                .put("/internal/threads/" + thread + "/participants/bob")
                .then()
                .statusCode(200)
                .body("userIds", hasItem("bob"));
        // feedback is per user: bob sees none on the message and gives his own
        read(org, "bob", thread, answer).statusCode(200).body("feedback", nullValue());
        String bobs = giveFeedback(org, "bob", path, thumbsUp)
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
        Map<String, String> thumbsUp = Map.of("feedbackType", "thumbs_up");

        String message = giveFeedback(org, "alice", path, Map.of("feedbackType", "meh"))
                .statusCode(400)
                .body("error.field", equalTo("feedbackType"))
                .extract()
                .path("error.message");
        assertEquals("feedbackType must be one of: thumbs_up, thumbs_down", message);
        assertInvalid(giveFeedback(org, "alice", path, Map.of()), "feedbackType");
        assertInvalid(
                giveFeedback(org, "alice", path, Map.of("feedbackType", "thumbs_up", "issueType", "x".repeat(101))),
                "issueType");
        assertInvalid(
                giveFeedback(org, "alice", path, Map.of("feedbackType", "thumbs_up", "comment", "x".repeat(5001))),
                "comment");
        assertInvalid(
                giveFeedback(
                        org, "alice", "/internal/threads/" + thread + "/messages/" + question + "/feedback", thumbsUp),
                "messageId");

        assertNotFound(giveFeedback(newOrg(), "alice", path, thumbsUp));
        assertNotFound(read(newOrg(), "alice", thread, answer));
        for (Object unknown : List.of(UUID.randomUUID(), "not-a-uuid")) {
            assertError(read(org, "alice", thread, unknown), 404, "not_found", "messageId");
        }
    }
}
