package dev.switchboard.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.TestStacks;
import dev.switchboard.local.testing.TopicRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Boots the whole platform exactly as {@code ./switchboard up} does (embedded PostgreSQL and Kafka,
 * the four services as separate processes, the demo agent and token) on free ports in a temporary
 * data directory, then drives the public API through the gateway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

    private static StackSettings settings;
    private static LocalStack stack;
    private static Gateway api;
    private static String threadFromSeed000;

    @BeforeAll
    static void bootStack() throws Exception {
        Map<String, String> env = new HashMap<>();
        settings = TestStacks.onFreePorts("switchboard-e2e-", env);
        stack = new LocalStack(settings, System.out);
        stack.start();
        api = new Gateway(
                settings.gatewayUrl(),
                Files.readString(settings.home().resolve("dev-token")).trim());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void seed003ChatAnswersWithTheDemoAgentAndHistoryReadsItBack() throws Exception {
        Gateway.Reply chat = api.post("/api/agents/demo/chat", "{\"message\": \"Hello from the e2e test\"}");
        assertEquals(200, chat.status(), chat.raw().body());
        assertTrue(
                chat.body().get("response").asText().contains("Hello from the e2e test"),
                chat.raw().body());
        assertEquals("demo", chat.body().get("agent_id").asText());
        assertEquals("Demo Agent", chat.body().get("agent_name").asText());

        Gateway.Reply history = api.get("/api/agents/demo/history?limit=20");
        assertEquals(200, history.status(), history.raw().body());
        JsonNode messages = history.body().get("messages");
        assertEquals(2, messages.size(), history.raw().body());
        assertEquals("user", messages.get(0).get("role").asText());
        assertEquals("Hello from the e2e test", messages.get(0).get("content").asText());
        assertEquals("assistant", messages.get(1).get("role").asText());
        assertEquals(
                chat.body().get("response").asText(),
                messages.get(1).get("content").asText());
        assertNotNull(messages.get(0).get("created_at").asText());
    }

    @Test
    @Order(2)
    void seed000ChatStartsAndContinuesAThreadWhoseSummaryIsUpdatedThroughKafka() throws Exception {
        Gateway.Reply first = api.post(
                "/api/v1/agents/demo/chat",
                "{\"message\": \"Summarize open support tickets from last week.\", \"model\": \"claude-sonnet-4.6\"}");
        assertEquals(200, first.status(), first.raw().body());
        threadFromSeed000 = first.body().get("threadId").asText();
        UUID.fromString(first.body().get("runId").asText());
        assertTrue(first.body().get("content").asText().contains("Summarize open support tickets"));

        Gateway.Reply second = api.post(
                "/api/v1/agents/demo/conversations/" + threadFromSeed000 + "/chat",
                "{\"message\": \"And the week before?\", \"model\": \"gpt-5-mini\"}");
        assertEquals(200, second.status(), second.raw().body());
        assertEquals(threadFromSeed000, second.body().get("threadId").asText());
        assertTrue(!second.body()
                .get("runId")
                .asText()
                .equals(first.body().get("runId").asText()));

        // the summary is written by thread-service when it consumes run.completed from Kafka
        JsonNode thread =
                awaitThread(threadFromSeed000, t -> t.get("messageCount").asInt() == 4);
        assertEquals(
                "Summarize open support tickets from last week.",
                thread.get("title").asText());
        assertEquals("demo-user", thread.get("userIds").get(0).asText());
        assertEquals(4, thread.get("messages").size());
        assertTrue(thread.get("updatedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    @Order(3)
    void runEventsAreOnTheRunEventsTopicKeyedByThread() {
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicRecords.first(
                "127.0.0.1:" + settings.kafkaPort(), "run-events", threadFromSeed000, 4, Duration.ofSeconds(30))) {
            try {
                JsonNode event = Gateway.JSON.readTree(r.value());
                assertEquals("1.0", event.get("specversion").asText());
                assertEquals(
                        threadFromSeed000, event.get("data").get("threadId").asText());
                types.add(event.get("type").asText());
            } catch (IOException e) {
                fail("a run event is not JSON: " + e.getMessage());
            }
        }
        assertEquals(
                List.of(
                        "switchboard.run.started",
                        "switchboard.run.completed",
                        "switchboard.run.started",
                        "switchboard.run.completed"),
                types);
    }

    @Test
    @Order(4)
    void badRequestsGetJsonErrorsNamingTheField() throws Exception {
        Gateway.Reply badModel = api.post("/api/v1/agents/demo/chat", "{\"message\": \"hi\", \"model\": \"gpt-4\"}");
        assertEquals(400, badModel.status(), badModel.raw().body());
        assertEquals("model", badModel.body().get("error").get("field").asText());
        assertTrue(badModel.body().get("error").get("message").asText().contains("claude-sonnet-4.6"));

        Gateway.Reply unknownThread = api.post(
                "/api/v1/agents/demo/conversations/no-such-thread/chat",
                "{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}");
        assertEquals(404, unknownThread.status(), unknownThread.raw().body());
        assertEquals("not_found", unknownThread.body().get("error").get("code").asText());

        Gateway.Reply noToken = api.withToken(null).post("/api/agents/demo/chat", "{\"message\": \"hi\"}");
        assertEquals(401, noToken.status());
        assertEquals("unauthenticated", noToken.body().get("error").get("code").asText());

        Gateway.Reply badToken = api.withToken("not-a-jwt").get("/api/agents/demo/history");
        assertEquals(401, badToken.status());
    }

    @Test
    @Order(5)
    void conversationsSurviveARestartOfTheWholeStack() throws Exception {
        stack.close();
        stack = new LocalStack(settings, System.out);
        stack.start();
        Gateway.Reply history = api.get("/api/agents/demo/history");
        assertEquals(200, history.status(), history.raw().body());
        assertEquals(
                "Hello from the e2e test",
                history.body().get("messages").get(0).get("content").asText());
        assertEquals(
                4,
                api.get("/api/v1/agents/demo/conversations/" + threadFromSeed000)
                        .body()
                        .get("messageCount")
                        .asInt());
    }

    @Test
    @Order(6)
    void seed001ListsTheConversationsNewestFirstWithTheirSummary() throws Exception {
        long skillId = api.get("/api/v1/agents/demo").body().get("id").asLong();
        Gateway.Reply all = api.get("/api/v1/skills/0/conversations");
        assertEquals(200, all.status(), all.raw().body());
        assertEquals(2, all.body().get("totalCount").asInt(), all.raw().body());
        assertEquals(10, all.body().get("pageSize").asInt());
        assertTrue(all.body().get("nextPageToken").isNull());
        JsonNode first = all.body().get("conversations").get(0);
        assertEquals(threadFromSeed000, first.get("threadId").asText(), "the newest-updated conversation first");
        assertEquals(skillId, first.get("skillId").asLong());
        assertEquals(4, first.get("messageCount").asInt());
        assertEquals(
                "Summarize open support tickets from last week.",
                first.get("firstMessage").asText());
        assertTrue(!first.has("toolsUsed"));

        Gateway.Reply paged = api.get("/api/v1/skills/" + skillId + "/conversations?pageSize=1&userId=demo-user"
                + "&timeframe=last_day&includeTools=true");
        assertEquals(200, paged.status(), paged.raw().body());
        assertEquals(2, paged.body().get("totalCount").asInt());
        assertEquals(
                0, paged.body().get("conversations").get(0).get("toolsUsed").size());
        String token = paged.body().get("nextPageToken").asText();
        Gateway.Reply second = api.get("/api/v1/skills/" + skillId + "/conversations?pageSize=1&userId=demo-user"
                + "&timeframe=last_day&includeTools=true&pageToken=" + token);
        assertEquals(200, second.status(), second.raw().body());
        assertEquals(1, second.body().get("page").asInt());
        assertTrue(second.body().get("nextPageToken").isNull());

        Gateway.Reply badToken = api.get("/api/v1/skills/0/conversations?pageToken=" + token);
        assertEquals(400, badToken.status(), "a token of other filters");
        assertEquals("pageToken", badToken.body().get("error").get("field").asText());
        assertEquals(
                0,
                api.get("/api/v1/skills/0/conversations?toolName=sql_runner")
                        .body()
                        .get("totalCount")
                        .asInt());
    }

    @Test
    @Order(7)
    void seed003ConversationsAreCreatedRenamedReadAndDeleted() throws Exception {
        Gateway.Reply created = api.post("/api/agents/demo/conversations", "{\"title\": \"Launch plan\"}");
        assertEquals(201, created.status(), created.raw().body());
        String conversation = created.body().get("id").asText();
        assertTrue(created.body().get("is_current").asBoolean());

        Gateway.Reply chat = api.post(
                "/api/agents/demo/chat",
                "{\"message\": \"What is left to do?\", \"conversation_id\": \"" + conversation + "\"}");
        assertEquals(200, chat.status(), chat.raw().body());
        Gateway.Reply current = api.post("/api/agents/demo/chat", "{\"message\": \"And now?\"}");
        assertEquals(200, current.status(), current.raw().body());

        Gateway.Reply list = api.get("/api/agents/demo/conversations");
        assertEquals(200, list.status(), list.raw().body());
        JsonNode listed = null;
        for (JsonNode c : list.body().get("conversations")) {
            if (c.get("id").asText().equals(conversation)) {
                listed = c;
            }
        }
        assertNotNull(listed, list.raw().body());
        assertEquals("Launch plan", listed.get("title").asText());
        assertTrue(listed.get("is_current").asBoolean(), "the new conversation is the current one");

        Gateway.Reply renamed = api.put("/api/agents/demo/conversations/" + conversation, "{\"title\": \"Q3 launch\"}");
        assertEquals(200, renamed.status(), renamed.raw().body());
        assertEquals("Q3 launch", renamed.body().get("title").asText());

        Gateway.Reply history = api.get("/api/agents/demo/history?conversation_id=" + conversation);
        assertEquals(200, history.status(), history.raw().body());
        assertEquals(4, history.body().get("messages").size(), history.raw().body());

        Gateway.Reply inbox = api.get("/api/agents/demo/inbox");
        assertEquals(200, inbox.status(), inbox.raw().body());
        assertTrue(inbox.body().get("unread_count").asInt() >= 2, inbox.raw().body());
        Gateway.Reply marked =
                api.post("/api/agents/demo/mark-read", "{\"conversation_id\": \"" + conversation + "\"}");
        assertEquals(200, marked.status(), marked.raw().body());
        assertEquals(2, marked.body().get("marked_read").asInt());
        assertEquals(200, api.post("/api/agents/demo/mark-read", "{}").status());
        assertEquals(
                0, api.get("/api/agents/demo/inbox").body().get("unread_count").asInt());

        assertEquals(
                204,
                api.delete("/api/agents/demo/conversations/" + conversation).status());
        assertEquals(
                404,
                api.get("/api/v1/agents/demo/conversations/" + conversation).status());
        assertEquals(
                404,
                api.get("/api/agents/demo/history?conversation_id=" + conversation)
                        .status());
        assertEquals(
                0,
                api.get("/api/agents/demo/history").body().get("messages").size(),
                "the deleted conversation was the current one");
        Gateway.Reply bad = api.put("/api/agents/demo/conversations/" + conversation, "{\"title\": {\"a\": 1}}");
        assertEquals(400, bad.status(), bad.raw().body());
    }

    private static JsonNode awaitThread(String threadId, Predicate<JsonNode> condition) {
        return await("thread " + threadId + " reaching the expected summary")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("/api/v1/agents/demo/conversations/" + threadId),
                        reply -> reply.status() == 200 && condition.test(reply.body()))
                .body();
    }
}
