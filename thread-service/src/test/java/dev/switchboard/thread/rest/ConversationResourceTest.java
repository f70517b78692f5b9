package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seed 003's conversation management on thread-service's internal routes. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ConversationResourceTest {

    private final UUID agent = UUID.randomUUID();
    private final String org = Api.newOrg();

    private String create(String user, String title) {
        Map<String, Object> body = new HashMap<>(Map.of("agentId", agent.toString(), "agentNumericId", 5));
        if (title != null) {
            body.put("title", title);
        }
        return as(org, user)
                .body(body)
                .post("/internal/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aNewConversationBecomesCurrentAndIsListedForItsUserOnly() {
        String first = create("alice", "Planning");
        String second = create("alice", null);
        create("bob", "Bob's");
        JsonPath list = as(org, "alice")
                .get("/internal/conversations?agentId=" + agent)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, list.getList("conversations").size());
        assertEquals(second, list.getString("currentId"));
        as(org, "alice")
                .body(Map.of("agentId", agent.toString(), "agentNumericId", 5))
                .post("/internal/threads/current")
                .then()
                .body("id", equalTo(second));
        as(org, "alice").get("/internal/threads/" + first).then().body("title", equalTo("Planning"));
    }

    @Test
    void renameSticksAndDeleteRemovesEverything() {
        String id = create("alice", null);
        append(org, "alice", id, UUID.randomUUID(), "user", "first question").statusCode(201);
        as(org, "alice")
                .body(Map.of("title", "  Renamed  "))
                .put("/internal/conversations/" + id + "?agentId=" + agent)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"));
        assertError(
                as(org, "alice")
                        .body(Map.of("title", ""))
                        .put("/internal/conversations/" + id + "?agentId=" + agent)
                        .then(),
                400,
                "invalid_argument",
                "title");
        assertError(
                as(org, "alice")
                        .body(Map.of("title", "x".repeat(201)))
                        .put("/internal/conversations/" + id + "?agentId=" + agent)
                        .then(),
                400,
                "invalid_argument",
                "title");
        assertError(
                as(org, "bob")
                        .body(Map.of("title", "mine"))
                        .put("/internal/conversations/" + id + "?agentId=" + agent)
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "alice")
                        .body(Map.of("title", "x"))
                        .put("/internal/conversations/" + id + "?agentId=" + UUID.randomUUID())
                        .then(),
                404,
                "not_found",
                null);

        as(org, "alice")
                .delete("/internal/conversations/" + id + "?agentId=" + agent)
                .then()
                .statusCode(204);
        as(org, "alice").get("/internal/threads/" + id).then().statusCode(404);
        as(org, "alice").get("/internal/threads/" + id + "/messages").then().statusCode(404);
        as(org, "alice")
                .get("/internal/conversations/" + id + "/messages?agentId=" + agent)
                .then()
                .statusCode(404);
        as(org, "alice")
                .delete("/internal/conversations/" + id + "?agentId=" + agent)
                .then()
                .statusCode(404);
        as(org, "alice")
                .get("/internal/threads/current/messages?agentId=" + agent)
                .then()
                .statusCode(200)
                .body("messages", hasSize(0));
    }

    @Test
    void inboxShowsUnreadAssistantMessagesUntilMarkedRead() {
        String one = create("alice", "one");
        String two = create("alice", "two");
        append(org, "alice", one, UUID.randomUUID(), "user", "q1").statusCode(201);
        UUID a1 = UUID.randomUUID();
        append(org, "alice", one, a1, "assistant", "a1").statusCode(201);
        append(org, "alice", one, UUID.randomUUID(), "assistant", "a2").statusCode(201);
        append(org, "alice", two, UUID.randomUUID(), "assistant", "b1").statusCode(201);

        as(org, "alice")
                .get("/internal/conversations/inbox?agentId=" + agent)
                .then()
                .statusCode(200)
                .body("unreadCount", equalTo(3))
                .body("messages.content", contains("a1", "a2", "b1"));
        as(org, "bob")
                .get("/internal/conversations/inbox?agentId=" + agent)
                .then()
                .body("unreadCount", equalTo(0));

        as(org, "alice")
                .body(Map.of("agentId", agent.toString(), "messageId", a1.toString()))
                .post("/internal/conversations/mark-read")
                .then()
                .statusCode(200)
                .body("markedRead", equalTo(1));
        as(org, "alice")
                .get("/internal/conversations/inbox?agentId=" + agent)
                .then()
                .body("messages.content", contains("a2", "b1"));
        as(org, "alice")
                .body(Map.of("agentId", agent.toString(), "conversationId", two))
                .post("/internal/conversations/mark-read")
                .then()
                .statusCode(200)
                .body("markedRead", equalTo(1));
        as(org, "alice")
                .body(Map.of("agentId", agent.toString()))
                .post("/internal/conversations/mark-read")
                .then()
                .statusCode(200)
                .body("markedRead", equalTo(1));
        as(org, "alice")
                .get("/internal/conversations/inbox?agentId=" + agent)
                .then()
                .body("unreadCount", equalTo(0))
                .body("messages", hasSize(0));
        assertError(
                as(org, "alice")
                        .body(Map.of(
                                "agentId",
                                agent.toString(),
                                "messageId",
                                UUID.randomUUID().toString()))
                        .post("/internal/conversations/mark-read")
                        .then(),
                404,
                "not_found",
                null);
        assertError(
                as(org, "alice")
                        .body(Map.of("agentId", agent.toString(), "conversationId", "nope"))
                        .post("/internal/conversations/mark-read")
                        .then(),
                404,
                "not_found",
                null);
    }

    @Test
    void historyOfANamedConversationIsTheNewestMessagesOldestFirst() {
        String id = create("alice", null);
        for (String m : List.of("m1", "m2", "m3")) {
            append(org, "alice", id, UUID.randomUUID(), "user", m).statusCode(201);
        }
        as(org, "alice")
                .get("/internal/conversations/" + id + "/messages?agentId=" + agent + "&limit=2")
                .then()
                .statusCode(200)
                .body("messages.content", contains("m2", "m3"));
        assertError(
                as(org, "alice")
                        .get("/internal/conversations/" + id + "/messages?agentId=" + agent + "&limit=0")
                        .then(),
                400,
                "invalid_argument",
                "limit");
        assertError(
                as(Api.newOrg(), "alice")
                        .get("/internal/conversations/" + id + "/messages?agentId=" + agent)
                        .then(),
                404,
                "not_found",
                null);
    }
}
