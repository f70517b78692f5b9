package dev.switchboard.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.TestStacks;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 through the whole stack, with run-service's OpenAI-compatible provider talking to a fake model server
 * (real wire format, each chunk sent when the test lets it through a {@link Gate}): seed 003's {@code /chat/stream}
 * as Server-Sent Events through the gateway, each chunk arriving on its own; the run read back and replayed with {@code Last-Event-ID}; a run
 * cancelled mid-stream keeping its partial answer, one cancelled while its model has not answered (the call to the
 * model closed within a second), and one cancelled by the id the client chose before its first byte.
 */
class StreamingEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** The model: five chunks, the way an OpenAI-compatible server streams them. */
    private static final List<String> CHUNKS = List.of("Hel", "lo ", "from ", "the ", "fake");

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static FakeOpenAi model;
    private static LocalStack stack;
    private static String baseUrl;
    private static String token;

    /** One SSE event as a client sees it; {@code data} is the raw data line. */
    record Event(String id, String data) {}

    @BeforeAll
    static void bootStack() throws Exception {
        Map<String, String> env = new HashMap<>();
        model = new FakeOpenAi().start();
        model.always(FakeOpenAi.text(CHUNKS, 12, 5));
        env.put("SWITCHBOARD_OPENAI_BASE_URL", model.url());
        StackSettings settings = TestStacks.onFreePorts("switchboard-e2e-stream-", env);
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
        if (model != null) {
            model.close();
        }
    }

    @Test
    void chatStreamSendsEachChunkAsTheModelSendsItAndTheRunCanBeReadAndReplayed() throws Exception {
        Gate gate = new Gate().let(1); // the role chunk
        model.enqueue(FakeOpenAi.text(CHUNKS, 12, 5).heldBy(gate));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> streaming = HTTP.sendAsync(
                request("POST", "/api/agents/demo/chat/stream", "{\"message\": \"Stream me an answer\"}", null)
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> read = streaming.thenAccept(r -> r.body().forEach(lines::add));
        // each chunk reaches the client while the model still holds the next one: the stack does not buffer
        for (int i = 0; i < CHUNKS.size(); i++) {
            gate.let(1);
            int sent = i + 1;
            await("text event " + sent).atMost(WAIT).until(() -> textLines(lines) >= sent);
            assertEquals(sent, textLines(lines), String.join("\n", lines));
        }
        gate.open();
        read.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        HttpResponse<Stream<String>> response = streaming.get();
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(null));
        assertEquals(
                "nosniff",
                response.headers().firstValue("X-Content-Type-Options").orElse(null));
        String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
        List<Event> events = parse(String.join("\n", lines));
        List<String> texts = new ArrayList<>();
        for (Event event : events.subList(0, events.size() - 2)) {
            JsonNode data = Gateway.JSON.readTree(event.data());
            assertEquals("text", data.get("type").asText());
            texts.add(data.get("content").asText());
        }
        // one event per chunk the model sent, each arriving when the model sent it: not in one block
        assertEquals(CHUNKS, texts);
        // the lines are byte for byte seed 003's: "data: {...}", "id: <run>:<n>", "data: [DONE]"
        assertEquals(CHUNKS.size(), textLines(lines), String.join("\n", lines));
        assertTrue(lines.contains("data: [DONE]"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("id: ")), String.join("\n", lines));
        assertEquals(runId + ":1", events.get(0).id());
        assertEquals(
                "{\"type\":\"done\",\"content\":\"\"}",
                events.get(events.size() - 2).data());
        assertEquals("[DONE]", events.get(events.size() - 1).data());

        JsonNode view = Gateway.JSON.readTree(
                send("GET", "/api/v1/runs/" + runId, null, null).body());
        assertEquals("completed", view.get("status").asText());
        assertEquals("openai", view.get("provider").asText());
        // a run in the public API is snake_case
        assertEquals(runId, view.get("id").asText(), view.toString());
        assertEquals(
                response.headers().firstValue("X-Thread-Id").orElseThrow(),
                view.get("thread_id").asText());
        assertTrue(view.path("completed_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), view.toString());
        assertTrue(view.path("usage").has("input_tokens") && view.path("usage").has("output_tokens"), view.toString());
        assertTrue(!view.has("runId") && !view.has("threadId") && !view.has("createdAt"), view.toString());
        assertEquals(String.join("", CHUNKS), view.get("content").asText());
        // the answer is in the conversation like a buffered one
        HttpResponse<String> history = send("GET", "/api/agents/demo/history?limit=2", null, null);
        assertTrue(history.body().contains(String.join("", CHUNKS)), history.body());
        // resumed after the first event: the rest of the stream only
        List<Event> resumed = parse(send("GET", "/api/v1/runs/" + runId + "/stream", null, runId + ":1")
                .body());
        assertEquals(events.subList(1, events.size()), resumed);
        assertEquals(
                404,
                send("GET", "/api/v1/runs/" + UUID.randomUUID() + "/stream", null, null)
                        .statusCode());
        assertEquals(
                400,
                send("POST", "/api/agents/demo/chat/stream", "{\"message\": 5}", null)
                        .statusCode());
        assertEquals(
                404,
                send("POST", "/api/agents/nobody/chat/stream", "{\"message\": \"hi\"}", null)
                        .statusCode());
    }

    @Test
    void toolCallsShowInTheStreamTheStoredMessageAndTheConversationList() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/api/v1/agents",
                "{\"name\": \"Maths\", \"model\": "
                        + "\"gpt-5-mini\", \"tools\": [{\"type\": \"builtin\", \"name\": \"calculator\"}]}",
                null);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode agent = Gateway.JSON.readTree(created.body());
        model.enqueue(
                FakeOpenAi.toolCall("call_1", "calculator", List.of("{\"expression\": ", "\"6*7\"}"), 20, 8),
                FakeOpenAi.text(List.of("It is ", "42."), 30, 4));
        HttpResponse<String> response = send(
                "POST",
                "/api/agents/" + agent.get("uuid").asText() + "/chat/stream",
                "{\"message\": \"6 times 7?\"}",
                null);
        assertEquals(200, response.statusCode(), response.body());
        String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
        String threadId = response.headers().firstValue("X-Thread-Id").orElseThrow();
        List<Event> events = parse(response.body());
        JsonNode toolEvent = Gateway.JSON.readTree(events.get(0).data());
        assertEquals("tool_call", toolEvent.get("type").asText(), events.toString());
        assertEquals("calculator", toolEvent.path("tool_call").path("tool_name").asText(), toolEvent.toString());
        assertEquals("42", toolEvent.path("tool_call").path("result").asText());
        StringBuilder answer = new StringBuilder();
        for (Event event : events.subList(1, events.size() - 2)) {
            answer.append(Gateway.JSON.readTree(event.data()).get("content").asText());
        }
        assertEquals("It is 42.", answer.toString());

        // seed 004: the stored answer carries its tool call (its id: "<org>:<run id>:assistant", a run id being
        // unique within its org only)
        String messageId = UUID.nameUUIDFromBytes(("demo-org:" + runId + ":assistant").getBytes(StandardCharsets.UTF_8))
                .toString();
        JsonNode message = Gateway.JSON.readTree(send(
                        "GET",
                        "/api/v1/chat/" + agent.get("uuid").asText() + "/threads/" + threadId + "/messages/"
                                + messageId,
                        null,
                        null)
                .body());
        assertEquals(
                "calculator",
                message.path("tool_calls").get(0).path("tool_name").asText(),
                message.toString());
        assertEquals(
                "6*7",
                message.path("tool_calls")
                        .get(0)
                        .path("arguments")
                        .path("expression")
                        .asText());
        // the run shows it among its steps, the thread view on the assistant's message (in the view's camelCase)
        JsonNode run = Gateway.JSON.readTree(
                send("GET", "/api/v1/runs/" + runId, null, null).body());
        assertEquals("calculator", run.path("steps").path(0).path("tool_name").asText(), run.toString());
        JsonNode conversation = Gateway.JSON.readTree(
                send("GET", "/api/v1/agents/" + agent.get("id").asLong() + "/conversations/" + threadId, null, null)
                        .body());
        JsonNode answered = conversation.path("messages").path(1);
        assertEquals("assistant", answered.path("role").asText(), conversation.toString());
        assertEquals(
                "calculator",
                answered.path("toolCalls").path(0).path("toolName").asText(),
                conversation.toString());
        assertEquals(
                "6*7",
                answered.path("toolCalls")
                        .path(0)
                        .path("arguments")
                        .path("expression")
                        .asText());
        assertEquals("42", answered.path("toolCalls").path(0).path("result").asText());
        assertEquals(0, conversation.path("messages").path(0).path("toolCalls").size(), conversation.toString());
        // seed 001: the tool-usage index learns it from run.completed (asynchronously)
        String list = "/api/v1/skills/" + agent.get("id").asLong() + "/conversations?includeTools=true";
        JsonNode listed = await().atMost(WAIT)
                .until(
                        () -> Gateway.JSON.readTree(
                                send("GET", list, null, null).body()),
                        page -> page.path("conversations")
                                .path(0)
                                .path("toolsUsed")
                                .toString()
                                .contains("calculator"));
        assertEquals(
                "[\"calculator\"]",
                listed.path("conversations").path(0).path("toolsUsed").toString(),
                listed.toString());
        HttpResponse<String> byTool = send("GET", "/api/v1/skills/0/conversations?toolName=calculator", null, null);
        assertTrue(byTool.body().contains(threadId), byTool.body());
    }

    @Test
    void teamsAnswerInEveryModeAndAreManaged() throws Exception {
        String researcher = createAgent("Researcher");
        String analyst = createAgent("Analyst");
        HttpResponse<String> created = send(
                "POST",
                "/api/v1/teams",
                "{\"name\": \"Founders\", \"agent_ids\": [\"" + researcher + "\", \"" + analyst
                        + "\"], \"summarizer_model\": \"gpt-5-mini\"}",
                null);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode team = Gateway.JSON.readTree(created.body());
        String teamId = team.get("id").asText();
        assertEquals(
                List.of(researcher, analyst),
                List.of(
                        team.get("agent_ids").get(0).asText(),
                        team.get("agent_ids").get(1).asText()));
        String answer = String.join("", CHUNKS);
        for (String mode : List.of("brainstorm", "roundtable", "route")) {
            HttpResponse<String> chat = send(
                    "POST",
                    "/api/teams/" + teamId + "/chat",
                    "{\"message\": \"Brainstorm startup ideas\", \"mode\": \"" + mode + "\"}",
                    null);
            assertEquals(200, chat.statusCode(), chat.body());
            JsonNode body = Gateway.JSON.readTree(chat.body());
            assertEquals(mode, body.get("mode").asText());
            assertEquals("route".equals(mode) ? 1 : 2, body.get("responses").size(), body.toString());
            assertEquals(
                    "Researcher", body.get("responses").get(0).get("agent_name").asText());
            assertEquals(answer, body.get("responses").get(0).get("content").asText());
            assertTrue(body.get("responses").get(0).hasNonNull("agent_id"));
            assertEquals(answer, body.get("summary").asText());
        }
        HttpResponse<String> unknownMode =
                send("POST", "/api/teams/" + teamId + "/chat", "{\"message\": \"hi\", \"mode\": \"debate\"}", null);
        assertEquals(400, unknownMode.statusCode());
        assertTrue(unknownMode.body().contains("brainstorm, roundtable, route"), unknownMode.body());
        assertEquals(
                404,
                send("POST", "/api/v1/teams", "{\"name\": \"x\", \"agent_ids\": [\"nobody\"]}", null)
                        .statusCode());
        assertEquals(
                400,
                send("POST", "/api/v1/teams", "{\"name\": \"x\", \"agent_ids\": []}", null)
                        .statusCode());
        // every id the API returns names a member: the numeric id GET /api/v1/agents shows, as a number or a string
        long analystId = Gateway.JSON
                .readTree(send("GET", "/api/v1/agents/" + analyst, null, null).body())
                .get("id")
                .asLong();
        HttpResponse<String> byNumber = send(
                "POST",
                "/api/v1/teams",
                "{\"name\": \"Pair\", \"agent_ids\": [" + analystId + ", \"" + analystId + "\"]}",
                null);
        assertEquals(201, byNumber.statusCode(), byNumber.body());
        assertEquals(
                "[\"" + analyst + "\",\"" + analyst + "\"]",
                Gateway.JSON.readTree(byNumber.body()).get("agent_ids").toString());
        HttpResponse<String> renamed = send("PATCH", "/api/v1/teams/" + teamId, "{\"name\": \"Board\"}", null);
        assertEquals("Board", Gateway.JSON.readTree(renamed.body()).get("name").asText());
        assertTrue(send("GET", "/api/v1/teams", null, null).body().contains(teamId));
        assertEquals(204, send("DELETE", "/api/v1/teams/" + teamId, null, null).statusCode());
        assertEquals(404, send("GET", "/api/v1/teams/" + teamId, null, null).statusCode());
    }

    private static String createAgent(String name) throws Exception {
        HttpResponse<String> created =
                send("POST", "/api/v1/agents", "{\"name\": \"" + name + "\", \"model\": \"gpt-5-mini\"}", null);
        assertEquals(201, created.statusCode(), created.body());
        return Gateway.JSON.readTree(created.body()).get("uuid").asText();
    }

    @Test
    void cancelStopsARunningStreamAndKeepsThePartialAnswer() throws Exception {
        // the model sends two chunks, then holds the rest until the run was cancelled
        Gate gate = new Gate().let(1 + 2);
        model.enqueue(FakeOpenAi.text(CHUNKS, 12, 5).heldBy(gate));
        String runId = UUID.randomUUID().toString();
        List<String> lines = new ArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> streaming = HTTP.sendAsync(
                request(
                                "POST",
                                "/api/agents/demo/chat/stream",
                                "{\"message\": \"Tell me a long story\", \"run_id\": \"" + runId + "\"}",
                                null)
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> read = streaming.thenAccept(r -> r.body().forEach(line -> {
            synchronized (lines) {
                lines.add(line);
            }
        }));
        await().atMost(WAIT).until(() -> {
            synchronized (lines) {
                return textLines(lines) > 0;
            }
        });
        // one conversation, one active run: reject is a conflict while this one streams
        HttpResponse<String> rejected = send(
                "POST",
                "/api/agents/demo/chat",
                "{\"message\": \"And now?\", \"multitask_strategy\": \"reject\"}",
                null);
        assertEquals(409, rejected.statusCode(), rejected.body());
        assertEquals(
                "multitask_strategy",
                Gateway.JSON
                        .readTree(rejected.body())
                        .path("error")
                        .path("field")
                        .asText());
        HttpResponse<String> cancel = assertTimeout(
                Duration.ofMillis(1500),
                () -> send("POST", "/api/v1/runs/" + runId + "/cancel", null, null),
                "the cancel answers at once");
        assertEquals(200, cancel.statusCode(), cancel.body());
        JsonNode run = Gateway.JSON.readTree(cancel.body());
        assertEquals("cancelled", run.get("status").asText());
        String partial = run.get("content").asText();
        assertTrue(
                !partial.isEmpty()
                        && String.join("", CHUNKS).startsWith(partial)
                        && partial.length() < String.join("", CHUNKS).length(),
                partial);
        read.get(10, TimeUnit.SECONDS);
        List<Event> events = parse(String.join("\n", lines));
        assertEquals(
                "cancelled",
                Gateway.JSON
                        .readTree(events.get(events.size() - 2).data())
                        .get("type")
                        .asText());
        assertEquals("[DONE]", events.get(events.size() - 1).data());
    }

    @Test
    void cancellingARunWhoseModelHasNotAnsweredYetClosesTheModelsConnection() throws Exception {
        // the model accepts the request, then only keeps the connection alive, its first token held
        Gate gate = new Gate();
        model.enqueue(FakeOpenAi.text(CHUNKS, 12, 5).heldBy(gate));
        int closesBefore = model.clientCloses().size();
        String runId = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> streaming = HTTP.sendAsync(
                request(
                                "POST",
                                "/api/agents/demo/chat/stream",
                                "{\"message\": \"Think it over first\", \"run_id\": \"" + runId + "\"}",
                                null)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(gate.awaitHeld(WAIT), "the model was asked");

        HttpResponse<String> cancel = send("POST", "/api/v1/runs/" + runId + "/cancel", null, null);
        assertEquals(200, cancel.statusCode(), cancel.body());
        JsonNode run = Gateway.JSON.readTree(cancel.body());
        assertEquals("cancelled", run.get("status").asText());
        assertEquals("", run.get("content").asText());
        // the model is held at its gate: only run-service can close the call; no wall-clock bound, which would only
        // measure the machine
        await("run-service closed its call to the model")
                .atMost(Duration.ofSeconds(10))
                .until(() -> model.clientCloses().size() > closesBefore);
        List<Event> events = parse(streaming.get(10, TimeUnit.SECONDS).body());
        assertEquals(
                "cancelled",
                Gateway.JSON
                        .readTree(events.get(events.size() - 2).data())
                        .get("type")
                        .asText());
        assertEquals("[DONE]", events.get(events.size() - 1).data());
    }

    @Test
    void aRunCancelledByItsIdBeforeTheFirstByteEndsCancelled() throws Exception {
        String runId = UUID.randomUUID().toString();
        HttpResponse<String> cancel = send("POST", "/api/v1/runs/" + runId + "/cancel", null, null);
        assertEquals(202, cancel.statusCode(), cancel.body());
        HttpResponse<String> response = send(
                "POST",
                "/api/agents/demo/chat/stream",
                "{\"message\": \"Never mind\", \"run_id\": \"" + runId + "\"}",
                null);
        assertEquals(200, response.statusCode(), response.body());
        List<Event> events = parse(response.body());
        assertEquals(
                "cancelled",
                Gateway.JSON
                        .readTree(events.get(events.size() - 2).data())
                        .get("type")
                        .asText());
        assertEquals(
                "cancelled",
                Gateway.JSON
                        .readTree(
                                send("GET", "/api/v1/runs/" + runId, null, null).body())
                        .get("status")
                        .asText());
        assertEquals(
                400,
                send("POST", "/api/agents/demo/chat/stream", "{\"message\": \"hi\", \"run_id\": \"not-a-uuid\"}", null)
                        .statusCode());
    }

    private static HttpResponse<String> send(String method, String path, String body, String lastEventId)
            throws Exception {
        return HTTP.send(request(method, path, body, lastEventId).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String method, String path, String body, String lastEventId) {
        return new Gateway(baseUrl, token).request(method, path, body, lastEventId);
    }

    static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            if (data.length() > 0) {
                events.add(new Event(id, data.toString()));
            }
        }
        return events;
    }

    /** How many text events the client has read so far. */
    static long textLines(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("data: {\"type\":\"text\""))
                .count();
    }
}
