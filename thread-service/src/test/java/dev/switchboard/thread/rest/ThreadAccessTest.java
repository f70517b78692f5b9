package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.asAdmin;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who reaches a thread: its participants (creator, attributed user, users added to it), an admin and a service key
 * of the org; another member of the org gets the same 404 as another org.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ThreadAccessTest {

    private final UUID agent = UUID.randomUUID();
    private String org;
    private String thread;
    private UUID answer;

    private static RequestSpecification asService(String org) {
        return given().auth()
                .oauth2(TestTokens.internalService(org, UUID.randomUUID().toString()))
                .contentType(ContentType.JSON);
    }

    @BeforeEach
    void aliceHasAPrivateThread() {
        org = newOrg();
        thread = as(org, "alice")
                .body(Map.of("agentId", agent.toString(), "agentNumericId", 7))
                .post("/internal/threads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(org, "alice")
                .body(Map.of("id", UUID.randomUUID().toString(), "role", "user", "content", "my secret"))
                .post("/internal/threads/" + thread + "/messages")
                .then()
                .statusCode(201);
        answer = UUID.randomUUID();
        append(org, "alice", thread, answer, "assistant", "noted").statusCode(201);
    }

    @Test
    void anotherMemberGetsNotFoundOnEveryThreadRouteAsAnotherOrgDoes() {
        for (RequestSpecification outsider :
                new RequestSpecification[] {as(org, "mallory"), asAdmin(newOrg(), "mallory")}) {
            assertError(outsider.get("/internal/threads/" + thread).then(), 404, "not_found", null);
        }
        assertError(
                as(org, "mallory")
                        .get("/internal/threads/" + thread + "/messages")
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "mallory")
                        .body(Map.of("id", UUID.randomUUID().toString(), "role", "user", "content", "hi"))
                        .post("/internal/threads/" + thread + "/messages")
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "mallory")
                        .get("/internal/threads/" + thread + "/messages/" + answer)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "mallory")
                        .body(Map.of("feedbackType", "thumbs_down"))
                        .put("/internal/threads/" + thread + "/messages/" + answer + "/feedback")
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "mallory")
                        .get("/internal/conversations/" + thread + "/messages?agentId=" + agent)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "mallory")
                        .body(Map.of("title", "mine"))
                        .put("/internal/conversations/" + thread + "?agentId=" + agent)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "mallory")
                        .delete("/internal/conversations/" + thread + "?agentId=" + agent)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "mallory")
                        .body(Map.of("conversationId", thread, "agentId", agent.toString()))
                        .post("/internal/conversations/mark-read")
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "mallory")
                        .put("/internal/threads/" + thread + "/participants/mallory")
                        .then(),
                404,
                "not_found",
                null);
        // the thread is untouched
        as(org, "alice")
                .get("/internal/threads/" + thread + "/messages")
                .then()
                .statusCode(200)
                .body("messages.content", contains("my secret", "noted"));
    }

    @Test
    void anAdminAndAServiceKeyReachTheWholeOrganisation() {
        for (RequestSpecification insider : new RequestSpecification[] {asAdmin(org, "root"), asService(org)}) {
            insider.get("/internal/threads/" + thread + "/messages")
                    .then()
                    .statusCode(200)
                    .body("messages.content", contains("my secret", "noted"));
            insider.get("/internal/threads/" + thread + "/messages/" + answer)
                    .then()
                    .statusCode(200);
            insider.get("/internal/conversations/" + thread + "/messages?agentId=" + agent)
                    .then()
                    .statusCode(200);
            insider.get("/internal/threads?agentNumericId=0")
                    .then()
                    .statusCode(200)
                    .body("conversations.threadId", hasItem(thread));
        }
        asAdmin(org, "root")
                .body(Map.of("title", "Moderated"))
                .put("/internal/conversations/" + thread + "?agentId=" + agent)
                .then()
                .statusCode(200)
                .body("title", equalTo("Moderated"));
    }

    @Test
    void aMemberListsOnlyTheThreadsTheyTakePartIn() {
        as(org, "alice")
                .get("/internal/threads?agentNumericId=0")
                .then()
                .statusCode(200)
                .body("conversations.threadId", contains(thread))
                .body("totalCount", equalTo(1));
        as(org, "mallory")
                .get("/internal/threads?agentNumericId=0")
                .then()
                .statusCode(200)
                .body("conversations", empty())
                .body("totalCount", equalTo(0));
        as(org, "mallory")
                .get("/internal/threads?agentNumericId=0&userId=alice")
                .then()
                .statusCode(200)
                .body("conversations", empty())
                .body("totalCount", equalTo(0));
        asAdmin(org, "root")
                .get("/internal/threads?agentNumericId=0&userId=alice")
                .then()
                .statusCode(200)
                .body("conversations.threadId", contains(thread));
    }

    @Test
    void theCreatorAddsAndRemovesParticipantsWhoThenReachTheThreadOrNot() {
        as(org, "alice")
                .put("/internal/threads/" + thread + "/participants/bob")
                .then()
                .statusCode(200)
                .body("userIds", contains("alice", "bob"));
        as(org, "bob")
                .get("/internal/threads/" + thread + "/messages")
                .then()
                .statusCode(200)
                .body("messages.content", contains("my secret", "noted"));
        as(org, "bob")
                .get("/internal/threads?agentNumericId=0")
                .then()
                .statusCode(200)
                .body("conversations.threadId", contains(thread));
        // a participant who did not create the thread neither invites others nor renames or deletes it
        assertError(
                as(org, "bob")
                        .put("/internal/threads/" + thread + "/participants/carol")
                        .then(),
                403,
                "permission_denied",
                null);
        assertError(
                as(org, "bob")
                        .delete("/internal/conversations/" + thread + "?agentId=" + agent)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "alice")
                        .delete("/internal/threads/" + thread + "/participants/alice")
                        .then(),
                400,
                "invalid_argument",
                "userId");

        as(org, "alice")
                .delete("/internal/threads/" + thread + "/participants/bob")
                .then()
                .statusCode(200)
                .body("userIds", not(hasItem("bob")));
        assertError(as(org, "bob").get("/internal/threads/" + thread).then(), 404, "not_found", null);
        as(org, "bob")
                .get("/internal/threads?agentNumericId=0")
                .then()
                .statusCode(200)
                .body("conversations", empty());
    }

    @Test
    void aFileIsItsUploadersAndTheOrganisationAdminsAlone() {
        String file = FileResourceTest.uploaded(org, "alice");
        for (RequestSpecification reader :
                new RequestSpecification[] {as(org, "alice"), asAdmin(org, "root"), asService(org)}) {
            reader.get("/internal/files/" + file).then().statusCode(200).body("id", equalTo(file));
            reader.get("/internal/files/" + file + "/content").then().statusCode(200);
        }
        for (RequestSpecification outsider :
                new RequestSpecification[] {as(org, "mallory"), asAdmin(newOrg(), "mallory")}) {
            assertError(outsider.get("/internal/files/" + file).then(), 404, "not_found", null);
            assertError(outsider.get("/internal/files/" + file + "/content").then(), 404, "not_found", null);
        }
    }

    @Test
    void theUserAThreadIsAttributedToTakesPartInIt() {
        String started = asService(org)
                .body(Map.of(
                        "agentId",
                        agent.toString(),
                        "agentNumericId",
                        7,
                        "content",
                        "Triage ticket 42",
                        "attributedUserId",
                        "carol"))
                .post("/internal/threads/with-message")
                .then()
                .statusCode(201)
                .extract()
                .path("thread.id");
        as(org, "carol")
                .get("/internal/threads/" + started + "/messages")
                .then()
                .statusCode(200)
                .body("messages.content", contains("Triage ticket 42"));
        assertError(as(org, "dave").get("/internal/threads/" + started).then(), 404, "not_found", null);
    }
}
