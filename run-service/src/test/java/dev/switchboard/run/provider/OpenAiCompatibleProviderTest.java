package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.local.testing.fake.RecordedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible provider against a fake server speaking the chat-completions streaming wire format. */
class OpenAiCompatibleProviderTest {

    static final ProviderSettings SETTINGS = new ProviderSettings(
            Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(20), Duration.ofMillis(100), 1024);
    static final ObjectMapper JSON = new ObjectMapper();

    FakeOpenAi fake;
    ModelProvider provider;

    @BeforeEach
    void start() {
        fake = new FakeOpenAi().start();
        provider = OpenAiCompatibleProvider.create(fake.url(), "test-key", SETTINGS);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamsTextDeltaByDeltaAsTheServerSendsIt() throws Exception {
        Gate gate = new Gate().let(1); // the role chunk
        fake.enqueue(FakeOpenAi.text(List.of("Hel", "lo", " wor", "ld"), 12, 4).heldBy(gate));
        RecordedStream events = new RecordedStream(provider.stream(request("Say hello")));
        events.stepThrough(gate, List.of("Hel", "lo", " wor", "ld"));
        events.awaitDone(Duration.ofSeconds(5));

        assertEquals(List.of("Hel", "lo", " wor", "ld"), events.deltaTexts());
        ModelReply reply = events.reply();
        assertEquals("Hello world", reply.content());
        assertEquals(12, reply.inputTokens());
        assertEquals(4, reply.outputTokens());
        assertEquals(ModelReply.STOP, reply.finishReason());
        assertTrue(reply.toolCalls().isEmpty());

        RecordedRequest sent = fake.lastRequest();
        assertTrue(sent.path().endsWith("/chat/completions"), sent.path());
        assertEquals("Bearer test-key", sent.header("Authorization"));
        JsonNode body = sent.json();
        assertTrue(body.path("stream").asBoolean());
        assertTrue(body.path("stream_options").path("include_usage").asBoolean(), body.toString());
        assertEquals("provider-model", body.path("model").asText());
        assertEquals("system", body.path("messages").get(0).path("role").asText());
        assertEquals("Be brief.", body.path("messages").get(0).path("content").asText());
        assertEquals("Say hello", body.path("messages").get(1).path("content").asText());
    }

    @Test
    void mapsToolSpecificationsAndToolCallsBothWays() throws Exception {
        fake.enqueue(FakeOpenAi.toolCall("call_2", "get_weather", List.of("{\"ci", "ty\":\"Par", "is\"}"), 30, 9));
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
                + "\"description\":\"the city\"}},\"required\":[\"city\"]}");
        ModelRequest request = new ModelRequest(
                "provider-model",
                "agent",
                "Use tools.",
                List.of(
                        new ChatTurn.User("What is 2+2?"),
                        new ChatTurn.Assistant(
                                "", List.of(new ToolCallRequest("call_1", "calculator", "{\"expr\":\"2+2\"}"))),
                        new ChatTurn.ToolResult("call_1", "calculator", "4"),
                        new ChatTurn.Assistant("It is 4."),
                        new ChatTurn.User("And the weather in Paris?")),
                List.of(new ToolSpec("get_weather", "Current weather of a city", schema)));

        ModelReply reply = provider.complete(request).await().atMost(Duration.ofSeconds(5));

        assertEquals(List.of(new ToolCallRequest("call_2", "get_weather", "{\"city\":\"Paris\"}")), reply.toolCalls());
        assertEquals(ModelReply.TOOL_CALLS, reply.finishReason());
        assertEquals(30, reply.inputTokens());
        assertEquals(9, reply.outputTokens());

        JsonNode body = fake.lastRequest().json();
        JsonNode function = body.path("tools").get(0).path("function");
        assertEquals("get_weather", function.path("name").asText());
        assertEquals("Current weather of a city", function.path("description").asText());
        assertEquals(
                "string",
                function.path("parameters")
                        .path("properties")
                        .path("city")
                        .path("type")
                        .asText());
        assertEquals("city", function.path("parameters").path("required").get(0).asText());
        JsonNode messages = body.path("messages");
        JsonNode call = messages.get(2).path("tool_calls").get(0);
        assertEquals("assistant", messages.get(2).path("role").asText());
        assertEquals("call_1", call.path("id").asText());
        assertEquals("calculator", call.path("function").path("name").asText());
        assertEquals(
                "{\"expr\":\"2+2\"}", call.path("function").path("arguments").asText());
        assertEquals("tool", messages.get(3).path("role").asText());
        assertEquals("call_1", messages.get(3).path("tool_call_id").asText());
        assertEquals("4", messages.get(3).path("content").asText());
    }

    @Test
    void retriesA429ThenSucceeds() {
        fake.enqueue(FakeOpenAi.error(429, "slow down"), FakeOpenAi.text(List.of("ok"), 1, 1));
        ModelReply reply = provider.complete(request("hi")).await().atMost(Duration.ofSeconds(5));
        assertEquals("ok", reply.content());
        assertEquals(2, fake.requests().size());
    }

    @Test
    void retriesATimeout() {
        ProviderSettings quick = new ProviderSettings(
                Duration.ofSeconds(1), Duration.ofMillis(300), 2, Duration.ofMillis(20), Duration.ofMillis(100), 1024);
        ModelProvider impatient = OpenAiCompatibleProvider.create(fake.url(), "test-key", quick);
        fake.enqueue(
                FakeOpenAi.text(List.of("late"), 1, 1).answeredWhen(new Gate()),
                FakeOpenAi.text(List.of("on time"), 1, 2));
        ModelReply reply = impatient.complete(request("hi")).await().atMost(Duration.ofSeconds(5));
        assertEquals("on time", reply.content());
        assertEquals(2, fake.requests().size());
    }

    @Test
    void failsClearlyWhen500PersistsPastTheRetryLimit() {
        fake.always(FakeOpenAi.error(500, "the upstream is down"));
        ProviderException failure = failure(request("hi"));
        assertEquals(500, failure.status());
        assertEquals("openai", failure.provider());
        assertEquals(
                "model provider openai failed (HTTP 500: internal error) (still failing after 2 retries); "
                        + "retry later",
                failure.getMessage());
        assertFalse(failure.getMessage().contains("the upstream is down"), "the provider's text is not quoted");
        assertTrue(failure.detail().contains("the upstream is down"), "but it is logged: " + failure.detail());
        assertEquals(1 + SETTINGS.maxRetries(), fake.requests().size());
    }

    @Test
    void anUnreachableProviderIsSummarisedWithoutItsAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        provider = OpenAiCompatibleProvider.create("http://127.0.0.1:" + closedPort + "/v1", "test-key", SETTINGS);
        ProviderException failure = failure(request("hi"));
        assertEquals(ProviderException.Kind.UNREACHABLE, failure.kind());
        assertEquals(
                "model provider openai could not be reached (still failing after 2 retries); retry later",
                failure.getMessage());
        assertFalse(failure.getMessage().contains("127.0.0.1"), failure.getMessage());
        assertFalse(failure.getMessage().contains(Integer.toString(closedPort)), failure.getMessage());
    }

    @Test
    void failsAtOnceOnA401() {
        fake.always(FakeOpenAi.error(401, "Incorrect API key provided"));
        ProviderException failure = failure(request("hi"));
        assertEquals(401, failure.status());
        assertFalse(failure.retriable());
        assertEquals(
                "model provider openai refused the request (HTTP 401: authentication failed); "
                        + "check the provider's API key",
                failure.getMessage());
        assertEquals("Incorrect API key provided", failure.providerMessage());
        assertEquals(1, fake.requests().size());
    }

    @Test
    void cancellingTheSubscriptionClosesTheConnection() throws Exception {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            pieces.add("w" + i + " ");
        }
        Gate gate = new Gate().let(1 + 3); // the role chunk and three deltas
        fake.enqueue(FakeOpenAi.text(pieces, 5, 60).heldBy(gate));
        RecordedStream events = new RecordedStream(provider.stream(request("go on")));
        events.awaitDeltas(3);
        events.subscription.cancel();

        // the fake is held at its gate, so only the client can close the connection; no wall-clock bound, which would
        // only measure the machine
        assertTrue(fake.awaitClientClose(10, TimeUnit.SECONDS), "the fake saw the connection closed");
        gate.open(); // whatever the provider still sends may not arrive after the cancel
        assertEquals(pieces.subList(0, 3), events.deltaTexts(), "no delta after the cancel");
        assertFalse(events.done.isDone());
    }

    @Test
    void cancellingBeforeTheProviderSentAnEventClosesTheConnection() throws Exception {
        // the headers at once, then keep-alive comments only: langchain4j has no handle of its own to cancel yet
        Gate gate = new Gate();
        fake.enqueue(FakeOpenAi.text(List.of("late"), 5, 1).heldBy(gate));
        RecordedStream events = new RecordedStream(provider.stream(request("think first")));
        assertTrue(gate.awaitHeld(Duration.ofSeconds(5)), "the provider was called and answered the headers");
        events.subscription.cancel();

        assertTrue(fake.awaitClientClose(10, TimeUnit.SECONDS), "the fake saw the connection closed");
        assertTrue(events.events.isEmpty(), events.events.toString());
        assertFalse(events.done.isDone());
    }

    @Test
    void cancellingWhileTheProviderHasNotAnsweredAtAllClosesTheConnection() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch requested = new CountDownLatch(1);
            CompletableFuture<Instant> closedAt = new CompletableFuture<>();
            Thread server = new Thread(
                    () -> {
                        try (Socket connection = silent.accept()) {
                            BufferedReader in = new BufferedReader(
                                    new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
                            in.lines().takeWhile(line -> !line.isEmpty()).forEach(headerLine -> {});
                            requested.countDown();
                            // reads the rest, then waits for the client to go away
                            in.transferTo(Writer.nullWriter());
                            closedAt.complete(Instant.now());
                        } catch (IOException reset) {
                            closedAt.complete(Instant.now());
                        }
                    },
                    "silent-provider");
            server.start();
            ModelProvider hanging =
                    OpenAiCompatibleProvider.create("http://127.0.0.1:" + silent.getLocalPort(), "test-key", SETTINGS);
            RecordedStream events = new RecordedStream(hanging.stream(request("hello?")));
            assertTrue(requested.await(5, TimeUnit.SECONDS), "the provider was called");
            events.subscription.cancel();

            // the server never answers, so only the client can end the connection
            closedAt.get(10, TimeUnit.SECONDS);
            assertTrue(events.events.isEmpty(), events.events.toString());
        }
    }

    private ProviderException failure(ModelRequest request) {
        CompletionFailure thrown = assertThrows(CompletionFailure.class, () -> {
            try {
                provider.complete(request).subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new CompletionFailure(e.getCause());
            }
        });
        return assertInstanceOf(ProviderException.class, thrown.getCause());
    }

    static ModelRequest request(String text) {
        return new ModelRequest("provider-model", "agent", "Be brief.", List.of(new ChatTurn.User(text)), List.of());
    }

    static final class CompletionFailure extends Exception {
        CompletionFailure(Throwable cause) {
            super(cause);
        }
    }
}
