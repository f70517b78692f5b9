package dev.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.infra.RsaKeys;
import dev.switchboard.local.testing.TestStacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, point 2, through the whole stack with the default limits: a streamed chat carries the rate-limit
 * headers, and 300 fast requests from one token see 429s with them.
 */
class RateLimitEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static LocalStack stack;
    private static String baseUrl;
    private static String token;
    private static StackSettings settings;

    @BeforeAll
    static void bootStack() throws Exception {
        settings = TestStacks.onFreePorts("switchboard-e2e-limits-", Map.of());
        stack = new LocalStack(settings, System.out);
        stack.start();
        baseUrl = settings.gatewayUrl();
        token = Files.readString(settings.home().resolve("dev-token")).trim();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aStreamedChatCarriesTheRateLimitHeaders() throws Exception {
        HttpResponse<String> response = HTTP.send(
                request(token, "/api/agents/demo/chat/stream")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Stream me an answer\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals(
                "\"caller\";q=200;w=10, \"org\";q=1000;w=10, \"caller-runs\";q=60;w=60, \"org-runs\";q=300;w=60",
                response.headers().firstValue("RateLimit-Policy").orElse(null));
        assertTrue(
                response.headers().firstValue("RateLimit").orElse("").matches("\"caller-runs\";r=5[0-9];t=\\d+"),
                response.headers().map().toString());
        assertTrue(response.body().contains("data: [DONE]"));
    }

    @Test
    void threeHundredFastRequestsFromOneTokenSee429s() throws Exception {
        String burster = new JwtSigner(
                        RsaKeys.ensure(settings.home().resolve("keys"), "user").loadPrivateKey(),
                        LocalStack.USER_ISSUER)
                .sign("burster", "burst-org", Duration.ofHours(1));
        HttpRequest models = request(burster, "/api/v1/models").GET().build();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                sent.add(senders.submit(() -> HTTP.send(models, HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> f : sent) {
                answers.add(f.get());
            }
        } finally {
            senders.shutdownNow();
        }
        List<HttpResponse<String>> refused =
                answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(
                300,
                refused.size()
                        + answers.stream().filter(r -> r.statusCode() == 200).count());
        assertTrue(refused.size() >= 1, "no 429 among 300 requests");
        HttpResponse<String> one = refused.get(0);
        String retryAfter = one.headers().firstValue("Retry-After").orElseThrow();
        assertEquals(
                "\"caller\";r=0;t=" + retryAfter,
                one.headers().firstValue("RateLimit").orElse(null));
        assertEquals(
                "\"caller\";q=200;w=10, \"org\";q=1000;w=10",
                one.headers().firstValue("RateLimit-Policy").orElse(null));
        JsonNode error = Gateway.JSON.readTree(one.body()).get("error");
        assertEquals("rate_limited", error.get("code").asText());
        assertTrue(error.get("message").asText().endsWith("retry in " + retryAfter + " s"), error.toString());

        // the demo user is another caller: served
        HttpResponse<String> other =
                HTTP.send(request(token, "/api/v1/models").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, other.statusCode());
    }

    private static HttpRequest.Builder request(String bearer, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer);
    }
}
