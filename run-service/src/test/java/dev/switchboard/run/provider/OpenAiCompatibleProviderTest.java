package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.local.testing.fake.RecordedRequest;
import dev.switchboard.local.testing.fake.ScriptedResponse;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible provider against a fake server speaking the chat-completions streaming wire format. */
class OpenAiCompatibleProviderTest extends StreamingProviderTest<FakeOpenAi> {

    @Override
    FakeOpenAi startFake() {
        return new FakeOpenAi().start();
    }

    @Override
    ModelProvider create(FakeOpenAi fake, ProviderSettings settings) {
        return OpenAiCompatibleProvider.create(fake.url(), "test-key", settings);
    }

    @Override
    String name() {
        return "openai";
    }

    @Override
    int eventsBeforeText() {
        return 1; // the role chunk
    }

    @Override
    ScriptedResponse text(List<String> pieces, int inputTokens, int outputTokens) {
        return FakeOpenAi.text(pieces, inputTokens, outputTokens);
    }

    @Override
    ScriptedResponse error(int status, String message) {
        return FakeOpenAi.error(status, message);
    }

    @Override
    void assertSentSayHello(RecordedRequest sent) {
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
        ModelRequest request = weatherAfterCalculator("call_1", "", new ChatTurn.Assistant("It is 4."));

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
}
