package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.ThreadApi.append;
import static dev.switchboard.thread.rest.ThreadApi.assertInvalid;
import static dev.switchboard.thread.rest.ThreadApi.assertNotFound;
import static dev.switchboard.thread.rest.ThreadApi.createThread;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ThreadResourceTest {

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    private final UUID agent = UUID.randomUUID();

    @Test
    void aNewThreadHasAnEmptySummaryAndBelongsToItsCreator() {
        String org = newOrg();
        JsonPath thread = as(org, "alice")
                .body(Map.of("agentId", agent.toString(), "agentNumericId", 42))
                .post("/internal/threads")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = thread.getString("id");
        UUID.fromString(id);

        as(org, "alice")
                .get("/internal/threads/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("agentId", equalTo(agent.toString()))
                .body("agentNumericId", equalTo(42))
                .body("messageCount", equalTo(0))
                .body("title", nullValue())
                .body("firstMessage", nullValue())
                .body("userIds", contains("alice"))
                .body("createdBy", equalTo("alice"))
                .body("createdAt", matchesPattern(Api.TIME))
                .body("updatedAt", matchesPattern(Api.TIME));
    }

    @Test
    void anotherOrganisationsThreadIsNotFound() {
        String id = createThread(newOrg(), "alice", agent);
        String other = newOrg();
        assertNotFound(as(other, "alice").get("/internal/threads/" + id).then());
        assertNotFound(
                as(other, "alice").get("/internal/threads/" + id + "/messages").then());
        assertNotFound(append(other, "alice", id, UUID.randomUUID(), "user", "hi"));
    }

    @Test
    void appendingIsIdempotentByMessageId() {
        String org = newOrg();
        String id = createThread(org, "alice", agent);
        UUID messageId = UUID.randomUUID();
        String created = append(org, "alice", id, messageId, "user", "first")
                .statusCode(201)
                .body("id", equalTo(messageId.toString()))
                .body("role", equalTo("user"))
                .body("userId", equalTo("alice"))
                .body("createdAt", matchesPattern(Api.TIME))
                .extract()
                .path("createdAt");
        append(org, "alice", id, messageId, "user", "a retry with other text")
                .statusCode(200)
                .body("content", equalTo("first"))
                .body("createdAt", equalTo(created));
        as(org, "alice")
                .get("/internal/threads/" + id + "/messages")
                .then()
                .statusCode(200)
                .body("messages", hasSize(1));

        String otherThread = createThread(org, "alice", agent);
        assertError(append(org, "alice", otherThread, messageId, "user", "x"), 409, "conflict", "id");
    }

    @Test
    void historyReturnsTheNewestMessagesOldestFirst() {
        String org = newOrg();
        String id = createThread(org, "alice", agent);
        for (int i = 1; i <= 5; i++) {
            append(org, "alice", id, UUID.randomUUID(), i % 2 == 1 ? "user" : "assistant", "m" + i)
                    .statusCode(201);
        }
        as(org, "alice")
                .get("/internal/threads/" + id + "/messages?limit=3")
                .then()
                .statusCode(200)
                .body("messages.content", contains("m3", "m4", "m5"))
                .body("messages.role", contains("user", "assistant", "user"));
        as(org, "alice")
                .get("/internal/threads/" + id + "/messages")
                .then()
                .statusCode(200)
                .body("messages", hasSize(5));
        for (String bad : List.of("0", "-1", "1001", "ten", "2.5")) {
            assertInvalid(
                    as(org, "alice")
                            .get("/internal/threads/" + id + "/messages?limit=" + bad)
                            .then(),
                    "limit");
        }
    }

    /** The id of {@code user}'s current thread with the agent, created by the first call. */
    private String currentThread(String org, String user) {
        return as(org, user)
                .body(Map.of("agentId", agent.toString(), "agentNumericId", 7))
                .post("/internal/threads/current")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    @Test
    void theCurrentThreadIsCreatedOnceEvenUnderConcurrentRequests() throws Exception {
        String org = newOrg();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> currentThread(org, "bob"), pool));
            }
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<String> call : calls) {
                ids.add(call.get());
            }
            assertEquals(1, ids.size(), "every concurrent caller must get the same current thread: " + ids);
            String current = ids.iterator().next();
            assertEquals(current, currentThread(org, "bob"));
            // another user of the same org gets a thread of their own
            String carols = currentThread(org, "carol");
            assertEquals(false, current.equals(carols));

            append(org, "bob", current, UUID.randomUUID(), "user", "hello current")
                    .statusCode(201);
            currentMessages(org, "bob", agent).statusCode(200).body("messages.content", contains("hello current"));
            currentMessages(org, "carol", agent).statusCode(200).body("messages", hasSize(0));
            currentMessages(org, "dave", UUID.randomUUID()).statusCode(200).body("messages", hasSize(0));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The messages of {@code user}'s current thread with the agent. */
    private static ValidatableResponse currentMessages(String org, String user, Object agentId) {
        return as(org, user)
                .get("/internal/threads/current/messages?agentId=" + agentId)
                .then();
    }

    @Test
    void badInputIsA400NamingTheField() {
        String org = newOrg();
        String id = createThread(org, "alice", agent);
        for (Object body : List.of(
                Map.of("agentNumericId", 7),
                Map.of("agentId", "not-a-uuid", "agentNumericId", 7),
                // the body ends where the value of agentId should be: named
                "{\"agentId\": ")) {
            assertInvalid(as(org, "alice").body(body).post("/internal/threads").then(), "agentId");
        }
        assertInvalid(append(org, "alice", id, UUID.randomUUID(), "robot", "x"), "role");
        assertInvalid(
                as(org, "alice")
                        .body(Map.of("role", "user", "content", "x"))
                        .post("/internal/threads/" + id + "/messages")
                        .then(),
                "id");
        assertInvalid(append(org, "alice", id, UUID.randomUUID(), "user", "x".repeat(100_001)), "content");
        assertInvalid(currentMessages(org, "alice", "nope"), "agentId");
    }

    @Test
    void everyInternalRouteNeedsAnInternalToken() {
        given().contentType(ContentType.JSON)
                .get("/internal/threads/x")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        given().auth()
                .oauth2("garbage")
                .contentType(ContentType.JSON)
                .get("/internal/threads/x")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        given().get(health + "/ready").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
    }
}
