package dev.switchboard.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The default limits: headers on every answer, and 429s for a client that sends far too much. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class RateLimitTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUEST_POLICIES = "\"caller\";q=200;w=10, \"org\";q=1000;w=10";
    static final String RUN_POLICIES = "\"caller-runs\";q=60;w=60, \"org-runs\";q=300;w=60";

    ServiceStubs stubs;

    @TestHTTPResource("/")
    URI gateway;

    final String org = "org-" + UUID.randomUUID();
    final String user = "user-" + UUID.randomUUID();
    final String token = TestTokens.user(org, user);
    /** The same user as an admin: seed 004 assistant messages are an admin's where roles are enforced. */
    final String adminToken = AdminTokens.of(org, user);

    /** The management root ({@code /q} is its root path). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void everyAnswerSaysWhichLimitsApplyAndWhereTheCallerStands() {
        String first = given().header("Authorization", "Bearer " + token)
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", REQUEST_POLICIES)
                .header("Retry-After", nullValue())
                .extract()
                .header("RateLimit");
        // an answer the gateway refuses itself carries them too
        String second = given().header("Authorization", "Bearer " + token)
                .get("/api/v1/agents/no-such-agent")
                .then()
                .statusCode(404)
                .header("RateLimit-Policy", REQUEST_POLICIES)
                .extract()
                .header("RateLimit");
        // one request used: 199 left; across a 10 s window boundary the sliding window's estimate counts the whole
        // block this replica leased (10 units, a twentieth of the quota) as used, hence down to 189 (seen on a slow
        // machine)
        int afterFirst = remaining(first);
        int afterSecond = remaining(second);
        assertTrue(afterFirst <= 199 && afterFirst >= 189, first);
        assertTrue(afterSecond < afterFirst && afterSecond >= 188, second);
        // health and metrics (on the management port) are not limited
        given().get(management + "health/live").then().statusCode(200).header("RateLimit", nullValue());
    }

    /** The caller's remaining requests in a {@code RateLimit} header ({@code "caller";r=199;t=20}). */
    private static int remaining(String header) {
        Matcher m = Pattern.compile("^\"caller\";r=(\\d+);t=\\d+$").matcher(header);
        assertTrue(m.matches(), header);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void routesThatStartRunsAlsoShowTheRunLimits() {
        StubWorld.Agent agent = stubs.world()
                .addAgent(org, "limits-" + UUID.randomUUID().toString().substring(0, 8), "Limits", "gpt-5-mini");
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents/" + agent.handle() + "/chat")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", REQUEST_POLICIES + ", " + RUN_POLICIES)
                .header("RateLimit", matchesPattern("\"caller-runs\";r=59;t=([6-9][0-9]|1[01][0-9]|120)"));
        // a 004 message may start a run: its resource counts it, the header shows the run limits
        StubWorld.Thread thread = stubs.world().newThread(org, user, agent);
        String messages = "/api/v1/chat/" + agent.uuid() + "/threads/" + thread.id() + "/messages";
        given().header("Authorization", "Bearer " + adminToken)
                .contentType(ContentType.JSON)
                .body("{\"content\": \"noted\", \"role\": \"assistant\"}")
                .post(messages)
                .then()
                .statusCode(201)
                .header("RateLimit-Policy", REQUEST_POLICIES + ", " + RUN_POLICIES)
                .header("RateLimit", matchesPattern("\"caller-runs\";r=59;t=\\d+"));
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"content\": \"hello\"}")
                .post(messages)
                .then()
                .statusCode(201)
                .header("RateLimit", matchesPattern("\"caller-runs\";r=58;t=\\d+"));
    }

    @Test
    void threeHundredFastRequestsFromOneKeySee429sAndAnotherKeyOfTheOrgDoesNot() throws Exception {
        String first = apiKey("burst");
        String second = apiKey("bystander");

        burst(second, 50);
        int forwardedBefore = stubs.agentService().received().size();
        long started = System.nanoTime();
        List<HttpResponse<String>> answers = burst(first, 300);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<HttpResponse<String>> refused =
                answers.stream().filter(r -> r.statusCode() == 429).toList();
        long served = answers.stream().filter(r -> r.statusCode() == 200).count();
        assertEquals(300, served + refused.size(), "every answer is 200 or 429");
        assertTrue(!refused.isEmpty(), "none of 300 requests in " + seconds + " s refused");
        // 200 in any 10 s: at most 200 plus what the previous window's weight loses while the burst lasts
        assertTrue(served <= 200 + 20 * seconds + 1, served + " served in " + seconds + " s");
        assertTrue(
                stubs.agentService().received().size() - forwardedBefore <= served,
                "refused requests are not forwarded");

        HttpResponse<String> tooMany = refused.get(refused.size() - 1);
        assertEquals(
                REQUEST_POLICIES,
                tooMany.headers().firstValue("RateLimit-Policy").orElse(null));
        String retryAfter = tooMany.headers().firstValue("Retry-After").orElseThrow();
        assertTrue(retryAfter.matches("[1-9]|1[0-9]|20"), retryAfter);
        assertEquals(
                "\"caller\";r=0;t=" + retryAfter,
                tooMany.headers().firstValue("RateLimit").orElse(null));
        assertTrue(tooMany.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = JSON.readTree(tooMany.body()).get("error");
        assertEquals("rate_limited", error.get("code").asText());
        assertEquals(
                "too many requests from this caller (200 per 10 s): retry in " + retryAfter + " s",
                error.get("message").asText());

        // the org has room left (1000 per 10 s): another key of it goes on
        given().header("x-api-key", second)
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .header("RateLimit", matchesPattern("\"caller\";r=1[0-9][0-9];t=\\d+"));
    }

    /** {@code n} requests at once, 8 in flight. */
    private List<HttpResponse<String>> burst(String key, int n) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/agents"))
                .header("x-api-key", key)
                .GET()
                .build();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(senders.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : sent) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            senders.shutdownNow();
        }
    }

    private String apiKey(String name) {
        return given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}")
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .body("kind", equalTo("personal"))
                .extract()
                .path("key");
    }
}
