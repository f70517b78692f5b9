package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static dev.switchboard.thread.rest.ThreadApi.assertInvalid;
import static dev.switchboard.thread.rest.ThreadApi.assertNotFound;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.Api;
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

    /** A rename of conversation {@code id} by {@code user}, as the agent named. */
    private ValidatableResponse rename(String user, String id, Object agentId, String title) {
        return as(org, user)
                .body(Map.of("title", title))
                .put("/internal/conversations/" + id + "?agentId=" + agentId)
                .then();
    }

    /** Alice marks messages read: the body names the agent and what to mark. */
    private ValidatableResponse markRead(Map<String, Object> body) {
        return as(org, "alice")
                .body(body)
                .post("/internal/conversations/mark-read")
                .then();
    }

    private ValidatableResponse inbox(String user) {
        return as(org, user)
                .get("/internal/conversations/inbox?agentId=" + agent)
                .then();
    }

    @Test
    void renameSticksAndDeleteRemovesEverything() {
        String id = create("alice", null);
        append(org, "alice", id, UUID.randomUUID(), "user", "first question").statusCode(201);
        rename("alice", id, agent, "  Renamed  ").statusCode(200).body("title", equalTo("Renamed"));
        for (String bad : List.of("", "x".repeat(201))) {
            assertInvalid(rename("alice", id, agent, bad), "title");
        }
        assertNotFound(rename("bob", id, agent, "mine"));
        assertNotFound(rename("alice", id, UUID.randomUUID(), "x"));

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

        inbox("alice")
                .statusCode(200)
                .body("unreadCount", equalTo(3))
                .body("messages.content", contains("a1", "a2", "b1"));
        inbox("bob").body("unreadCount", equalTo(0));

        markRead(Map.of("agentId", agent.toString(), "messageId", a1.toString()))
                .statusCode(200)
                .body("markedRead", equalTo(1));
        inbox("alice").body("messages.content", contains("a2", "b1"));
        markRead(Map.of("agentId", agent.toString(), "conversationId", two))
                .statusCode(200)
                .body("markedRead", equalTo(1));
        markRead(Map.of("agentId", agent.toString())).statusCode(200).body("markedRead", equalTo(1));
        inbox("alice").body("unreadCount", equalTo(0)).body("messages", hasSize(0));
        assertNotFound(markRead(Map.of(
                "agentId", agent.toString(), "messageId", UUID.randomUUID().toString())));
        assertNotFound(markRead(Map.of("agentId", agent.toString(), "conversationId", "nope")));
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
        assertInvalid(
                as(org, "alice")
                        .get("/internal/conversations/" + id + "/messages?agentId=" + agent + "&limit=0")
                        .then(),
                "limit");
        assertNotFound(as(Api.newOrg(), "alice")
                .get("/internal/conversations/" + id + "/messages?agentId=" + agent)
                .then());
    }
}
