package dev.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.infra.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4 through the whole stack: seed 003's {@code /chat/stream} as Server-Sent Events through the gateway,
 * the run it started read back and replayed with {@code Last-Event-ID}, and a run cancelled by the id the
 * client chose before its first byte.
 */
class StreamingEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalStack stack;
    private static String baseUrl;
    private static String token;

    /** One SSE event as a client sees it; {@code data} is the raw data line. */
    record Event(String id, String data) {
    }

    @BeforeAll
    static void bootStack() throws Exception {
        Path root = Path.of(System.getProperty("switchboard.root", "../../..")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SWITCHBOARD_HOME", Files.createTempDirectory("switchboard-e2e-stream-").toString());
        for (String port : List.of("SWITCHBOARD_GATEWAY_PORT", "SWITCHBOARD_AGENT_PORT", "SWITCHBOARD_THREAD_PORT",
                "SWITCHBOARD_RUN_PORT", "SWITCHBOARD_PG_PORT", "SWITCHBOARD_KAFKA_PORT",
                "SWITCHBOARD_KAFKA_CONTROLLER_PORT")) {
            env.put(port, String.valueOf(Ports.free()));
        }
        StackSettings settings = StackSettings.fromEnvironment(root, env);
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
    void chatStreamSendsSeed003EventsAndTheRunCanBeReadAndReplayed() throws Exception {
        HttpResponse<String> response = send("POST", "/api/agents/demo/chat/stream",
                "{\"message\": \"Stream me an answer\"}", null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(null));
        String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
        List<Event> events = parse(response.body());
        JsonNode first = Gateway.JSON.readTree(events.get(0).data());
        assertEquals("text", first.get("type").asText());
        assertTrue(first.get("content").asText().contains("Stream me an answer"), first.toString());
        assertEquals(runId + ":1", events.get(0).id());
        assertEquals("{\"type\":\"done\",\"content\":\"\"}", events.get(events.size() - 2).data());
        assertEquals("[DONE]", events.get(events.size() - 1).data());

        HttpResponse<String> run = send("GET", "/api/v1/runs/" + runId, null, null);
        assertEquals(200, run.statusCode(), run.body());
        JsonNode view = Gateway.JSON.readTree(run.body());
        assertEquals("completed", view.get("status").asText());
        assertEquals(first.get("content").asText(), view.get("content").asText());
        // the answer is in the conversation like a buffered one
        HttpResponse<String> history = send("GET", "/api/agents/demo/history?limit=2", null, null);
        assertTrue(history.body().contains(first.get("content").asText().replace("\"", "\\\"")), history.body());
        // resumed after the first event: the rest of the stream only
        List<Event> resumed = parse(send("GET", "/api/v1/runs/" + runId + "/stream", null, runId + ":1").body());
        assertEquals(events.subList(1, events.size()), resumed);
        assertEquals(404, send("GET", "/api/v1/runs/" + UUID.randomUUID() + "/stream", null, null).statusCode());
        assertEquals(400, send("POST", "/api/agents/demo/chat/stream", "{\"message\": 5}", null).statusCode());
        assertEquals(404, send("POST", "/api/agents/nobody/chat/stream", "{\"message\": \"hi\"}", null).statusCode());
    }

    @Test
    void aRunCancelledByItsIdBeforeTheFirstByteEndsCancelled() throws Exception {
        String runId = UUID.randomUUID().toString();
        HttpResponse<String> cancel = send("POST", "/api/v1/runs/" + runId + "/cancel", null, null);
        assertEquals(202, cancel.statusCode(), cancel.body());
        HttpResponse<String> response = send("POST", "/api/agents/demo/chat/stream",
                "{\"message\": \"Never mind\", \"run_id\": \"" + runId + "\"}", null);
        assertEquals(200, response.statusCode(), response.body());
        List<Event> events = parse(response.body());
        assertEquals("cancelled", Gateway.JSON.readTree(events.get(events.size() - 2).data()).get("type").asText());
        assertEquals("cancelled", Gateway.JSON.readTree(send("GET", "/api/v1/runs/" + runId, null, null).body())
                .get("status").asText());
        assertEquals(400, send("POST", "/api/agents/demo/chat/stream",
                "{\"message\": \"hi\", \"run_id\": \"not-a-uuid\"}", null).statusCode());
    }

    private static HttpResponse<String> send(String method, String path, String body, String lastEventId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
}
