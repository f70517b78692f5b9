package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.fake.FakeProviderServer;
import dev.switchboard.local.testing.fake.RecordedRequest;
import dev.switchboard.local.testing.fake.ScriptedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every streaming model provider does, against a fake server speaking its wire format: streams the answer delta
 * by delta, retries a 429, fails at once on a 401 with a summary that does not quote the provider, and closes the
 * connection when the subscription is cancelled. A subclass names the provider and its fake.
 */
abstract class StreamingProviderTest<F extends FakeProviderServer> {

    static final ProviderSettings SETTINGS = new ProviderSettings(
            Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(20), Duration.ofMillis(100), 1024);
    static final ObjectMapper JSON = new ObjectMapper();

    F fake;
    ModelProvider provider;

    /** A started fake of the provider. */
    abstract F startFake();

    abstract ModelProvider create(F fake, ProviderSettings settings);

    /** The provider's name in its errors. */
    abstract String name();

    /** The events the fake sends before the first text delta. */
    abstract int eventsBeforeText();

    abstract ScriptedResponse text(List<String> pieces, int inputTokens, int outputTokens);

    abstract ScriptedResponse error(int status, String message);

    /** Checks what the provider sent for {@code request("Say hello")}. */
    abstract void assertSentSayHello(RecordedRequest sent);

    @BeforeEach
    void start() {
        fake = startFake();
        provider = create(fake, SETTINGS);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamsTextDeltaByDeltaAsTheServerSendsIt() throws Exception {
        List<String> pieces = List.of("Bon", "jour", " à", " vous");
        Gate gate = new Gate().let(eventsBeforeText());
        fake.enqueue(text(pieces, 21, 7).heldBy(gate));
        RecordedStream events = new RecordedStream(provider.stream(request("Say hello")));
        events.stepThrough(gate, pieces);
        events.awaitDone(Duration.ofSeconds(5));

        assertEquals(pieces, events.deltaTexts());
        ModelReply reply = events.reply();
        assertEquals("Bonjour à vous", reply.content());
        assertEquals(21, reply.inputTokens());
        assertEquals(7, reply.outputTokens());
        assertEquals(ModelReply.STOP, reply.finishReason());
        assertTrue(reply.toolCalls().isEmpty());
        assertSentSayHello(fake.lastRequest());
    }

    @Test
    void retriesA429ThenSucceeds() {
        fake.enqueue(error(429, "slow down"), text(List.of("ok"), 1, 1));
        ModelReply reply = provider.complete(request("hi")).await().atMost(Duration.ofSeconds(5));
        assertEquals("ok", reply.content());
        assertEquals(2, fake.requests().size());
    }

    @Test
    void failsAtOnceOnA401() {
        fake.always(error(401, "Incorrect API key provided"));
        ProviderException failure = failure(request("hi"));
        assertEquals(401, failure.status());
        assertFalse(failure.retriable());
        assertEquals(
                "model provider " + name() + " refused the request (HTTP 401: authentication failed); "
                        + "check the provider's API key",
                failure.getMessage());
        assertFalse(failure.getMessage().contains("Incorrect API key"), failure.getMessage());
        assertEquals("Incorrect API key provided", failure.providerMessage());
        assertEquals(1, fake.requests().size());
    }

    @Test
    void cancellingTheSubscriptionClosesTheConnection() throws Exception {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            pieces.add("w" + i + " ");
        }
        Gate gate = new Gate().let(eventsBeforeText() + 3); // and three deltas
        fake.enqueue(text(pieces, 5, 60).heldBy(gate));
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
        fake.enqueue(text(List.of("late"), 5, 1).heldBy(gate));
        RecordedStream events = new RecordedStream(provider.stream(request("think first")));
        assertTrue(gate.awaitHeld(Duration.ofSeconds(5)), "the provider was called and answered the headers");
        events.subscription.cancel();

        assertTrue(fake.awaitClientClose(10, TimeUnit.SECONDS), "the fake saw the connection closed");
        assertTrue(events.events.isEmpty(), events.events.toString());
        assertFalse(events.done.isDone());
    }

    /** The provider's failure to complete the request. */
    ProviderException failure(ModelRequest request) {
        CompletionFailure thrown = assertThrows(CompletionFailure.class, () -> {
            try {
                provider.complete(request).subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new CompletionFailure(e.getCause());
            }
        });
        return assertInstanceOf(ProviderException.class, thrown.getCause());
    }

    /**
     * A request after a calculator round trip (the call {@code callId} for 2+2, the result 4) and the {@code then}
     * turns, asking for the weather in Paris and offering the tool {@code get_weather}.
     */
    static ModelRequest weatherAfterCalculator(String callId, String assistantText, ChatTurn... then) throws Exception {
        List<ChatTurn> turns = new ArrayList<>(List.of(
                new ChatTurn.User("What is 2+2?"),
                new ChatTurn.Assistant(
                        assistantText, List.of(new ToolCallRequest(callId, "calculator", "{\"expr\":\"2+2\"}"))),
                new ChatTurn.ToolResult(callId, "calculator", "4")));
        turns.addAll(List.of(then));
        turns.add(new ChatTurn.User("And the weather in Paris?"));
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
                + "\"description\":\"the city\"}},\"required\":[\"city\"]}");
        return new ModelRequest(
                "provider-model",
                "agent",
                "Use tools.",
                turns,
                List.of(new ToolSpec("get_weather", "Current weather of a city", schema)));
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
