package dev.switchboard.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Per-org limits, runs started, failed authentications per address, and a window that slides by. */
@QuarkusTest
@TestProfile(RateLimitOverridesProfile.class)
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class RateLimitOverridesTest {

    ServiceStubs stubs;

    @Test
    void anOrgsOwnLimitsApplyToEachCallerAndToTheOrgAsAWhole() {
        String alice = TestTokens.user(RateLimitOverridesProfile.SMALL, "alice-" + UUID.randomUUID());
        String bob = TestTokens.user(RateLimitOverridesProfile.SMALL, "bob-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            as(alice)
                    .get("/api/v1/agents")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", "\"caller\";q=5;w=60, \"org\";q=8;w=60");
        }
        as(alice)
                .get("/api/v1/agents")
                .then()
                .statusCode(429)
                .header("RateLimit", matchesPattern("\"caller\";r=0;t=\\d+"))
                .body("error.code", equalTo("rate_limited"))
                .body(
                        "error.message",
                        matchesPattern("too many requests from this caller \\(5 per 60 s\\): " + "retry in \\d+ s"));
        // another caller of the org is not held back by alice's limit, only by the org's: 8 in all
        for (int i = 0; i < 3; i++) {
            as(bob).get("/api/v1/agents").then().statusCode(200);
        }
        as(bob).get("/api/v1/agents")
                .then()
                .statusCode(429)
                .header("RateLimit", matchesPattern("\"org\";r=0;t=\\d+"))
                .body("error.message", matchesPattern("too many requests from this organisation \\(8 per 60 s\\).*"));
        // another org keeps the defaults
        as(TestTokens.user("org-" + UUID.randomUUID(), "carol"))
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", "\"caller\";q=200;w=10, \"org\";q=1000;w=10");
    }

    @Test
    void runsStartedAreLimitedApartFromRequests() {
        String org = RateLimitOverridesProfile.RUNS;
        StubWorld.Agent agent = stubs.world()
                .addAgent(org, "runs-" + UUID.randomUUID().toString().substring(0, 8), "Runs", "gpt-5-mini");
        String alice = TestTokens.user(org, "alice-" + UUID.randomUUID());
        String bob = TestTokens.user(org, "bob-" + UUID.randomUUID());
        String chat = "/api/v1/agents/" + agent.handle() + "/chat";
        for (int i = 0; i < 5; i++) {
            chat(alice, chat).then().statusCode(200);
        }
        int runsBefore = stubs.runService().received().size();
        chat(alice, chat)
                .then()
                .statusCode(429)
                .header(
                        "RateLimit-Policy",
                        "\"caller\";q=200;w=10, \"org\";q=1000;w=10, "
                                + "\"caller-runs\";q=5;w=60, \"org-runs\";q=7;w=60")
                .header("RateLimit", matchesPattern("\"caller-runs\";r=0;t=\\d+"))
                .body("error.message", matchesPattern("too many runs started by this caller \\(5 per 60 s\\).*"));
        // requests that start no run go on
        as(alice).get("/api/v1/agents").then().statusCode(200);
        // the org's runs: 7 in all
        chat(bob, "/api/agents/" + agent.handle() + "/chat").then().statusCode(200);
        chat(bob, "/api/agents/" + agent.handle() + "/chat").then().statusCode(200);
        chat(bob, "/api/agents/" + agent.handle() + "/chat")
                .then()
                .statusCode(429)
                .header("RateLimit", matchesPattern("\"org-runs\";r=0;t=\\d+"))
                .body("error.message", matchesPattern("too many runs started in this organisation \\(7 per 60 s\\).*"));
        assertEquals(runsBefore + 2, stubs.runService().received().size(), "refused runs never reach run-service");
    }

    @Test
    void aUserMessageStartsARunAndAnAssistantMessageDoesNot() {
        String org = RateLimitOverridesProfile.MESSAGES;
        String user = "user-" + UUID.randomUUID();
        // an admin: assistant messages are an admin's where roles are enforced
        String token = AdminTokens.of(org, user);
        StubWorld.Agent agent = stubs.world().addAgent(org, null, "Messages", "gpt-5-mini");
        StubWorld.Thread thread = stubs.world().newThread(org, user, agent);
        String messages = "/api/v1/chat/" + agent.uuid() + "/threads/" + thread.id() + "/messages";
        for (int i = 0; i < 3; i++) {
            as(token)
                    .contentType(ContentType.JSON)
                    .body("{\"content\": \"question " + i + "\"}")
                    .post(messages)
                    .then()
                    .statusCode(201)
                    .body("role", equalTo("assistant"));
        }
        as(token)
                .contentType(ContentType.JSON)
                .body("{\"content\": \"a note\", \"role\": \"assistant\"}")
                .post(messages)
                .then()
                .statusCode(201)
                .header("RateLimit", matchesPattern("\"caller-runs\";r=0;t=\\d+"));
        int stored = thread.messages().size();
        as(token)
                .contentType(ContentType.JSON)
                .body("{\"content\": \"one more\"}")
                .post(messages)
                .then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit", matchesPattern("\"caller-runs\";r=0;t=\\d+"))
                .body("error.code", equalTo("rate_limited"));
        assertEquals(stored, thread.messages().size(), "a refused user message is not stored");
    }

    @Test
    void aTeamChatCountsEveryModelCallItMakes() {
        String org = RateLimitOverridesProfile.TEAM;
        // an admin: teams are an admin's to make where roles are enforced
        String token = AdminTokens.of(org, "admin-" + UUID.randomUUID());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(stubs.world()
                    .addAgent(org, null, "Member " + i, "gpt-5-mini")
                    .uuid()
                    .toString());
        }
        String pair = team(token, ids.subList(0, 2));
        String five = team(token, ids);
        int runsBefore = stubs.runService().received().size();
        // 5 members and the summary: 6 runs, more than the caller's 5 per minute
        as(token)
                .contentType(ContentType.JSON)
                .body("{\"message\": \"hi\"}")
                .post("/api/teams/" + five + "/chat")
                .then()
                .statusCode(429)
                .header("RateLimit", matchesPattern("\"caller-runs\";r=5;t=\\d+"));
        assertEquals(runsBefore, stubs.runService().received().size());
        // 2 members and the summary: 3 runs
        as(token)
                .contentType(ContentType.JSON)
                .body("{\"message\": \"hi\"}")
                .post("/api/teams/" + pair + "/chat")
                .then()
                .header("RateLimit", matchesPattern("\"caller-runs\";r=2;t=\\d+"));
        as(token)
                .contentType(ContentType.JSON)
                .body("{\"message\": \"hi\"}")
                .post("/api/teams/" + pair + "/chat")
                .then()
                .statusCode(429);
    }

    @Test
    void failedAuthenticationsFromOneAddressAreRefusedBeforeVerification() {
        String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        String token = TestTokens.user("org-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            from(address)
                    .header("x-api-key", "grt_pat_" + "x".repeat(43))
                    .get("/api/v1/agents")
                    .then()
                    .statusCode(401);
        }
        // counted as each 401 is sent: the next request with credentials, even valid ones, is refused
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> from(address)
                        .header("Authorization", "Bearer " + token)
                        .get("/api/v1/agents")
                        .then()
                        .statusCode(429));
        from(address)
                .header("Authorization", "Bearer not-even-a-jwt")
                .get("/api/v1/agents")
                .then()
                .statusCode(429)
                .header("RateLimit-Policy", "\"address\";q=5;w=60")
                .header("RateLimit", matchesPattern("\"address\";r=0;t=\\d+"))
                .header("Retry-After", matchesPattern("\\d+"))
                .contentType("application/json")
                .body("error.code", equalTo("rate_limited"))
                .body(
                        "error.message",
                        matchesPattern("too many failed authentications from this address "
                                + "\\(5 per 60 s\\): retry in \\d+ s"));
        // a request without credentials guesses nothing: it is answered as usual
        from(address).get("/api/v1/agents").then().statusCode(401);
        // another address is not held back
        from("198.51.100.7")
                .header("Authorization", "Bearer " + token)
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
    }

    @Test
    void aRefusedCallerIsServedAgainOnceTheWindowHasSlidBy() {
        String token = TestTokens.user(RateLimitOverridesProfile.BRIEF, "user-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            as(token).get("/api/v1/agents").then().statusCode(200);
        }
        as(token).get("/api/v1/agents").then().statusCode(429).header("Retry-After", matchesPattern("[1-4]"));
        // 3 per 2 s: within two windows the three requests no longer count
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> as(token).get("/api/v1/agents").then().statusCode(200));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static Response chat(String token, String path) {
        return as(token)
                .contentType(ContentType.JSON)
                .body("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}")
                .post(path);
    }

    private static String team(String token, List<String> members) {
        return as(token)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"team\", \"agent_ids\": [\"" + String.join("\", \"", members) + "\"]}")
                .post("/api/v1/teams")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
