package dev.switchboard.run.stream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.run.RunKey;
import dev.switchboard.run.rest.RunBody;
import dev.switchboard.run.rest.RunCalls;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streamed runs over real HTTP, PostgreSQL and Kafka: the SSE stream of a run, its replay from any position,
 * the headers that stop proxies buffering, and a cancel that arrives before the run.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
class StreamedRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ContractStubs stubs;

    @TestHTTPResource("/internal/runs")
    URI runs;

    RunCalls caller;
    AgentServiceStub.Agent agent;

    /** One received SSE event. */
    record Event(String id, String name, JsonNode data) {}

    @BeforeEach
    void newOrg() {
        caller = RunCalls.newOrg();
        agent = stubs.agentService().addAgent(caller.org(), "streamer", null, "gpt-5-mini");
    }

    @Test
    void aStreamedRunSendsItsAnswerThenDoneAndCanBeReplayedFromAnyEvent() throws Exception {
        HttpResponse<String> started = post("/start", body(null));
        assertEquals(202, started.statusCode(), started.body());
        String runId = JSON.readTree(started.body()).get("runId").asText();
        HttpResponse<String> response = get("/" + runId + "/stream", null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(null));
        assertEquals(runId, response.headers().firstValue("X-Run-Id").orElse(null));
        List<Event> events = parse(response.body());
        // the offline model streams its answer a few words at a time: text events, then done, numbered from 1
        assertTrue(events.size() > 2, events.toString());
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i < events.size() - 1 ? "text" : "done", events.get(i).name());
            assertEquals(Integer.toString(i + 1), events.get(i).id());
            answer.append(
                    i < events.size() - 1 ? events.get(i).data().get("content").asText() : "");
        }
        assertTrue(answer.toString().contains("Hello stream"), answer.toString());

        // the run is stored like a buffered one
        caller.get(runId)
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("content", equalTo(answer.toString()));
        // replayed whole, after an event, or after Last-Event-ID
        assertEquals(events, parse(get("/" + runId + "/stream", null).body()));
        assertEquals(
                events.subList(1, events.size()),
                parse(get("/" + runId + "/stream?since=1", null).body()));
        assertEquals(
                events.subList(2, events.size()),
                parse(get("/" + runId + "/stream", runId + ":2").body()));
        assertEquals(400, get("/" + runId + "/stream?since=x", null).statusCode());
        assertEquals(404, get("/" + UUID.randomUUID() + "/stream", null).statusCode());
        RunCalls.member("other-" + UUID.randomUUID(), "mallory").stream(runId).statusCode(404);
    }

    @Test
    void aRunStartedAndStreamedInOneRequestNamesItselfFirstAndFindsItsAgentByHandle() throws Exception {
        String handle = "streamer-" + UUID.randomUUID().toString().substring(0, 8);
        stubs.agentService().addAgent(caller.org(), "by handle", handle, "gpt-5-mini");
        HttpResponse<String> response =
                post("/stream", Map.of("agent", handle, "threadMode", "new", "message", "Hello in one request"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null));
        List<Event> events = parse(response.body());
        Event first = events.get(0);
        assertEquals("started", first.name());
        assertEquals("0", first.id());
        String runId = first.data().get("runId").asText();
        assertEquals(runId, response.headers().firstValue("X-Run-Id").orElse(null));
        assertEquals(
                first.data().get("threadId").asText(),
                response.headers().firstValue("X-Thread-Id").orElse(null));
        assertEquals("done", events.get(events.size() - 1).name());
        StringBuilder answer = new StringBuilder();
        events.stream()
                .filter(e -> "text".equals(e.name()))
                .forEach(e -> answer.append(e.data().get("content").asText()));
        assertTrue(answer.toString().contains("Hello in one request"), answer.toString());
        caller.get(runId)
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("content", equalTo(answer.toString()))
                .body("agent.handle", equalTo(handle));
        // the started event belongs to that response only: the stored stream starts at the first text
        assertEquals(
                events.subList(1, events.size()),
                parse(get("/" + runId + "/stream", null).body()));

        // refused before the stream: JSON 4xx naming the field
        assertRefused(
                post("/stream", Map.of("agent", "nobody-here", "threadMode", "new", "message", "hi")), 404, "agent");
        assertRefused(post("/stream", Map.of("threadMode", "new", "message", "hi")), 400, "agentId");
        assertRefused(post("/stream", Map.of("agent", handle, "threadMode", "new")), 400, "message");
    }

    @Test
    void aRunCancelledBeforeItStartsStopsAtOnceAndItsIdCannotBeReused() throws Exception {
        String runId = UUID.randomUUID().toString();
        caller.cancel(runId).statusCode(202).body("status", equalTo("cancel_requested"));
        HttpResponse<String> started = post("/start", body(runId));
        assertEquals(202, started.statusCode(), started.body());
        List<Event> events = parse(get("/" + runId + "/stream", null).body());
        assertEquals("cancelled", events.get(events.size() - 1).name());
        caller.get(runId).statusCode(200).body("status", equalTo("cancelled"));
        HttpResponse<String> again = post("/start", body(runId));
        assertEquals(409, again.statusCode(), again.body());
        // a finished run answers its final state
        caller.cancel(runId).statusCode(200).body("status", equalTo("cancelled"));
    }

    @Inject
    StreamRetention retention;

    @Inject
    RunEventLog log;

    @Test
    void streamEventsAreKeptForTheRetentionThenSwept() {
        RunKey first = new RunKey(caller.org(), UUID.randomUUID());
        RunKey second = new RunKey(caller.org(), UUID.randomUUID());
        log.append(first, List.of(StreamEvent.text(1, "a"), StreamEvent.done(2)))
                .await()
                .indefinitely();
        log.append(second, List.of(StreamEvent.done(1))).await().indefinitely();
        Instant now = Instant.now();
        // the default retention is 7 days: a minute short of it nothing of these runs goes (other tests' older
        // events in the shared database may), a minute past it they do
        retention.sweep(now.plus(Duration.ofDays(7)).minusSeconds(60)).await().indefinitely();
        assertEquals(2, log.since(first, 0).await().indefinitely().size());
        assertEquals(1, log.since(second, 0).await().indefinitely().size());
        int deleted = retention
                .sweep(now.plus(Duration.ofDays(7)).plusSeconds(60))
                .await()
                .indefinitely();
        assertTrue(deleted >= 3, "deleted " + deleted);
        assertTrue(log.since(first, 0).await().indefinitely().isEmpty());
        assertTrue(log.since(second, 0).await().indefinitely().isEmpty());
    }

    @Test
    void anUnknownAgentIsA404() throws Exception {
        assertRefused(
                post(
                        "/start",
                        RunBody.newThread(agent, "hi")
                                .with("agentId", UUID.randomUUID().toString())),
                404,
                "agentId");
    }

    private RunBody body(String runId) {
        return RunBody.newThread(agent, "Hello stream").with("runId", runId);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return HTTP.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = request(path).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(runs + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + caller.token());
    }

    /** A request refused before any stream: a JSON error with this status naming this field. */
    private static void assertRefused(HttpResponse<String> response, int status, String field) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                field,
                JSON.readTree(response.body()).path("error").path("field").asText());
    }

    /** The events of a whole SSE body (comments skipped). */
    static List<Event> parse(String body) throws Exception {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            if (name != null || data.length() > 0) {
                events.add(new Event(id, name, JSON.readTree(data.toString())));
            }
        }
        return events;
    }
}
