package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.asAdmin;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static dev.switchboard.thread.rest.ThreadApi.assertInvalid;
import static dev.switchboard.thread.rest.ThreadApi.assertNotFound;
import static dev.switchboard.thread.rest.ThreadApi.createThread;
import static dev.switchboard.thread.rest.ThreadApi.message;
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
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
        thread = createThread(org, "alice", agent);
        as(org, "alice")
                .body(message(UUID.randomUUID(), "user", "my secret"))
                .post("/internal/threads/" + thread + "/messages")
                .then()
                .statusCode(201);
        answer = UUID.randomUUID();
        append(org, "alice", thread, answer, "assistant", "noted").statusCode(201);
    }

    /** Every route that reaches alice's thread, its messages or her answer, as a call of some caller. */
    private List<Function<RequestSpecification, Response>> threadRoutes() {
        String messages = "/internal/threads/" + thread + "/messages";
        String conversation = "/internal/conversations/" + thread + "?agentId=" + agent;
        return List.of(
                caller -> caller.get(messages),
                caller -> caller.body(message(UUID.randomUUID(), "user", "hi")).post(messages),
                caller -> caller.get(messages + "/" + answer),
                caller -> caller.body(Map.of("feedbackType", "thumbs_down")).put(messages + "/" + answer + "/feedback"),
                caller -> caller.get("/internal/conversations/" + thread + "/messages?agentId=" + agent),
                caller -> caller.body(Map.of("title", "mine")).put(conversation),
                caller -> caller.delete(conversation),
                caller -> caller.body(Map.of("conversationId", thread, "agentId", agent.toString()))
                        .post("/internal/conversations/mark-read"),
                caller -> caller.put("/internal/threads/" + thread + "/participants/mallory"));
    }

    /** The caller reads alice's thread whole. */
    private void readsTheThread(RequestSpecification caller) {
        caller.get("/internal/threads/" + thread + "/messages")
                .then()
                .statusCode(200)
                .body("messages.content", contains("my secret", "noted"));
    }

    /** The caller's list of threads (of every agent), {@code filter} appended to the query. */
    private static ValidatableResponse listed(RequestSpecification caller, String filter) {
        return caller.get("/internal/threads?agentNumericId=0" + filter).then().statusCode(200);
    }

    @Test
    void anotherMemberGetsNotFoundOnEveryThreadRouteAsAnotherOrgDoes() {
        for (RequestSpecification outsider :
                new RequestSpecification[] {as(org, "mallory"), asAdmin(newOrg(), "mallory")}) {
            assertNotFound(outsider.get("/internal/threads/" + thread).then());
        }
        for (Function<RequestSpecification, Response> route : threadRoutes()) {
            assertNotFound(route.apply(as(org, "mallory")).then());
        }
        // the thread is untouched
        readsTheThread(as(org, "alice"));
    }

    @Test
    void anAdminAndAServiceKeyReachTheWholeOrganisation() {
        for (RequestSpecification insider : new RequestSpecification[] {asAdmin(org, "root"), asService(org)}) {
            readsTheThread(insider);
            insider.get("/internal/threads/" + thread + "/messages/" + answer)
                    .then()
                    .statusCode(200);
            insider.get("/internal/conversations/" + thread + "/messages?agentId=" + agent)
                    .then()
                    .statusCode(200);
            listed(insider, "").body("conversations.threadId", hasItem(thread));
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
        listed(as(org, "alice"), "")
                .body("conversations.threadId", contains(thread))
                .body("totalCount", equalTo(1));
        for (String filter : List.of("", "&userId=alice")) {
            listed(as(org, "mallory"), filter).body("conversations", empty()).body("totalCount", equalTo(0));
        }
        listed(asAdmin(org, "root"), "&userId=alice").body("conversations.threadId", contains(thread));
    }

    @Test
    void theCreatorAddsAndRemovesParticipantsWhoThenReachTheThreadOrNot() {
        as(org, "alice")
                .put("/internal/threads/" + thread + "/participants/bob")
                .then()
                .statusCode(200)
                .body("userIds", contains("alice", "bob"));
        readsTheThread(as(org, "bob"));
        listed(as(org, "bob"), "").body("conversations.threadId", contains(thread));
        // a participant who did not create the thread neither invites others nor renames or deletes it
        assertError(
                as(org, "bob")
                        .put("/internal/threads/" + thread + "/participants/carol")
                        .then(),
                403,
                "permission_denied",
                null);
        assertNotFound(as(org, "bob")
                .delete("/internal/conversations/" + thread + "?agentId=" + agent)
                .then());
        assertInvalid(
                as(org, "alice")
                        .delete("/internal/threads/" + thread + "/participants/alice")
                        .then(),
                "userId");

        as(org, "alice")
                .delete("/internal/threads/" + thread + "/participants/bob")
                .then()
                .statusCode(200)
                .body("userIds", not(hasItem("bob")));
        assertNotFound(as(org, "bob").get("/internal/threads/" + thread).then());
        listed(as(org, "bob"), "").body("conversations", empty());
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
            assertNotFound(outsider.get("/internal/files/" + file).then());
            assertNotFound(outsider.get("/internal/files/" + file + "/content").then());
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
        assertNotFound(as(org, "dave").get("/internal/threads/" + started).then());
    }
}
