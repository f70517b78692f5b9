package dev.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.TestStacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 through the whole stack: a personal API key created with the dev JWT, then seed 004 with
 * {@code x-api-key}: a user message to a thread of the demo agent answered by the agent, feedback on the
 * answer shown on the message, and the key revoked.
 */
class ApiKeyMessagesEndToEndTest {

    private static LocalStack stack;
    private static Gateway api;
    private static String baseUrl;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void bootStack() throws Exception {
        Map<String, String> env = new HashMap<>();
        StackSettings settings = TestStacks.onFreePorts("switchboard-e2e-keys-", env);
        stack = new LocalStack(settings, System.out);
        stack.start();
        baseUrl = settings.gatewayUrl();
        api = new Gateway(
                baseUrl, Files.readString(settings.home().resolve("dev-token")).trim());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPersonalKeyPostsASeed004MessageGetsTheAnswerAndGivesFeedback() throws Exception {
        Gateway.Reply created = api.post("/api/v1/api-keys", "{\"name\": \"e2e\", \"kind\": \"personal\"}");
        assertEquals(201, created.status(), created.raw().body());
        String key = created.body().get("key").asText();
        assertTrue(key.startsWith("grt_pat_"), key);

        Gateway.Reply chat =
                api.post("/api/v1/agents/demo/chat", "{\"message\": \"Open a thread\", \"model\": \"gpt-5-mini\"}");
        assertEquals(200, chat.status(), chat.raw().body());
        String thread = chat.body().get("threadId").asText();
        String agent = api.get("/api/v1/agents/demo").body().get("uuid").asText();
        String messages = "/api/v1/chat/" + agent + "/threads/" + thread + "/messages";

        Gateway.Reply answer = withKey(key, "POST", messages, """
                {"content": "Where is my order 42?", "content_html": "<p>Where is my order 42?</p>",
                 "role": "user", "metadata": {"channel": "e2e"}, "agent_id": "%s"}""".formatted(agent));
        assertEquals(201, answer.status(), answer.raw().body());
        JsonNode assistant = answer.body();
        assertEquals("assistant", assistant.get("role").asText());
        assertEquals(thread, assistant.get("thread_id").asText());
        assertTrue(
                assistant.get("content").asText().contains("Where is my order 42?"),
                answer.raw().body());
        assertTrue(assistant.get("tool_calls").isArray());
        assertTrue(assistant.get("feedback").isNull());
        String answerId = assistant.get("id").asText();

        Gateway.Reply feedback = withKey(
                key,
                "POST",
                messages + "/" + answerId + "/feedback",
                "{\"feedback_type\": \"thumbs_up\", \"comment\": \"Helpful\"}");
        assertEquals(201, feedback.status(), feedback.raw().body());
        assertEquals(answerId, feedback.body().get("ai_message_id").asText());
        assertEquals("demo-user", feedback.body().get("user_id").asText());
        assertFalse(feedback.body().get("flow_execution_id").isNull());

        // the question the answer replied to is the message stored with its details
        JsonNode conversation =
                api.get("/api/v1/agents/demo/conversations/" + thread).body();
        String humanMessageId = feedback.body().get("human_message_id").asText();
        JsonNode question = null;
        for (JsonNode m : conversation.get("messages")) {
            if (m.get("id").asText().equals(humanMessageId)) {
                question = m;
            }
        }
        assertTrue(
                question != null && question.get("content").asText().equals("Where is my order 42?"),
                conversation.toString());

        Gateway.Reply shown = withKey(key, "GET", messages + "/" + answerId, null);
        assertEquals(200, shown.status(), shown.raw().body());
        assertEquals(
                "thumbs_up", shown.body().get("feedback").get("feedback_type").asText());
        assertEquals("Helpful", shown.body().get("feedback").get("comment").asText());

        // revoked: the very next request with the key fails
        String keyId = created.body().get("id").asText();
        HttpResponse<String> revoked = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/api-keys/" + keyId))
                        .header(
                                "Authorization",
                                "Bearer "
                                        + Files.readString(
                                                        stack.settings().home().resolve("dev-token"))
                                                .trim())
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertEquals(401, withKey(key, "GET", messages + "/" + answerId, null).status());
    }

    /** A call as seed 004's curl example makes it: {@code x-api-key} and a JSON body. */
    private static Gateway.Reply withKey(String key, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("x-api-key", key);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? null : Gateway.JSON.readTree(response.body());
        return new Gateway.Reply(response.statusCode(), body, response);
    }
}
