package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class IdempotencyResourceTest {

    private static String claim(String org, String user, String key, String hash) {
        return as(org, user)
                .body(Map.of("key", key, "requestHash", hash))
                .post("/internal/idempotency-keys")
                .then()
                .statusCode(200)
                .extract()
                .path("outcome");
    }

    private static String claimId(String org, String user, String key, String hash) {
        return as(org, user)
                .body(Map.of("key", key, "requestHash", hash))
                .post("/internal/idempotency-keys")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("claimed"))
                .body("claimId", notNullValue())
                .extract()
                .path("claimId");
    }

    @Test
    void aClaimedKeyIsInProgressThenReplaysItsAnswer() {
        String org = newOrg();
        String id = claimId(org, "alice", "k1", "h1");
        assertEquals("in_progress", claim(org, "alice", "k1", "h1"));
        assertEquals("in_progress", claim(org, "alice", "k1", "h2"));
        as(org, "alice")
                .body(Map.of("responseStatus", 201, "responseBody", "{\"a\":1}"))
                .put("/internal/idempotency-keys/" + id)
                .then()
                .statusCode(204);
        as(org, "alice")
                .body(Map.of("key", "k1", "requestHash", "h1"))
                .post("/internal/idempotency-keys")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("replay"))
                .body("responseStatus", equalTo(201))
                .body("responseBody", equalTo("{\"a\":1}"));
        assertEquals("mismatch", claim(org, "alice", "k1", "h2"));
        // a completed claim cannot be completed or released again
        assertError(
                as(org, "alice")
                        .body(Map.of("responseStatus", 500, "responseBody", "x"))
                        .put("/internal/idempotency-keys/" + id)
                        .then(),
                404,
                "not_found",
                null);
        as(org, "alice").delete("/internal/idempotency-keys/" + id).then().statusCode(204);
        assertEquals("replay", claim(org, "alice", "k1", "h1"));
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        String org = newOrg();
        String id = claimId(org, "alice", "k", "h");
        as(org, "alice").delete("/internal/idempotency-keys/" + id).then().statusCode(204);
        claimId(org, "alice", "k", "other request after a failure");
    }

    @Test
    void keysArePerCaller() {
        String org = newOrg();
        claimId(org, "alice", "shared", "h");
        claimId(org, "bob", "shared", "h");
        claimId(newOrg(), "alice", "shared", "h");
        // another caller cannot complete or release alice's claim
        String id = claimId(org, "carol", "mine", "h");
        assertError(
                as(org, "dave")
                        .body(Map.of("responseStatus", 201, "responseBody", "{}"))
                        .put("/internal/idempotency-keys/" + id)
                        .then(),
                404,
                "not_found",
                null);
        as(org, "dave").delete("/internal/idempotency-keys/" + id).then().statusCode(204);
        assertEquals("in_progress", claim(org, "carol", "mine", "h"));
    }

    @Test
    void concurrentClaimsOfOneKeyHaveExactlyOneWinner() throws Exception {
        String org = newOrg();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> claim(org, "alice", "race", "h"));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(claims)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("claimed"::equals).count(), outcomes.toString());
            assertEquals(7, outcomes.stream().filter("in_progress"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputNamesTheField() {
        String org = newOrg();
        assertError(
                as(org, "alice")
                        .body(Map.of("key", "x".repeat(129), "requestHash", "h"))
                        .post("/internal/idempotency-keys")
                        .then(),
                400,
                "invalid_argument",
                "key");
        assertError(
                as(org, "alice")
                        .body(Map.of("key", "k"))
                        .post("/internal/idempotency-keys")
                        .then(),
                400,
                "invalid_argument",
                "requestHash");
        assertError(
                as(org, "alice")
                        .body(Map.of("responseStatus", 99, "responseBody", "x"))
                        .put("/internal/idempotency-keys/" + UUID.randomUUID())
                        .then(),
                400,
                "invalid_argument",
                "responseStatus");
        assertError(
                as(org, "alice")
                        .body(Map.of("responseStatus", 201, "responseBody", "x"))
                        .put("/internal/idempotency-keys/not-a-uuid")
                        .then(),
                404,
                "not_found",
                null);
    }
}
