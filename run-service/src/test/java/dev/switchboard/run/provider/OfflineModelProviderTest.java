package dev.switchboard.run.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineModelProviderTest {

    private final OfflineModelProvider provider = new OfflineModelProvider();

    @Test
    void quotesTheAgentAndTheExactMessage() {
        String message = "Summarize \"open\" tickets\nfrom last week.";
        ModelReply reply = complete(message);
        assertEquals(
                "[offline] demo-agent received: \"" + message
                        + "\". No model provider is configured, so this is a canned reply.",
                reply.content());
        assertEquals("offline", provider.name());
    }

    @Test
    void isDeterministicAndEstimatesUsage() {
        ModelReply first = complete("hello");
        ModelReply second = complete("hello");
        assertEquals(first, second);
        assertTrue(first.inputTokens() > 0);
        assertEquals(TokenEstimate.of(first.content()), first.outputTokens());
    }

    @Test
    void tokenEstimateIsAboutFourCharactersAToken() {
        assertEquals(0, TokenEstimate.of(""));
        assertEquals(0, TokenEstimate.of(null));
        assertEquals(1, TokenEstimate.of("abc"));
        assertEquals(2, TokenEstimate.of("abcde"));
    }

    @Test
    void streamsTheReplyInWordChunksThatJoinToIt() {
        List<ModelEvent> events = provider.stream(request("one two three four five six seven"))
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(1));
        assertTrue(events.size() > 3, "several deltas, then the reply");
        ModelEvent.Completed last = (ModelEvent.Completed) events.get(events.size() - 1);
        StringBuilder joined = new StringBuilder();
        for (ModelEvent event : events.subList(0, events.size() - 1)) {
            joined.append(((ModelEvent.TextDelta) event).text());
        }
        assertEquals(last.reply().content(), joined.toString());
        assertEquals(ModelReply.STOP, last.reply().finishReason());
        assertTrue(last.reply().toolCalls().isEmpty());
    }

    @Test
    void quotesTheNewestUserTurn() {
        ModelRequest request = new ModelRequest(
                "gpt-5-mini",
                "demo-agent",
                "",
                List.of(new ChatTurn.User("first"), new ChatTurn.Assistant("ok"), new ChatTurn.User("second")),
                List.of());
        assertTrue(provider.complete(request)
                .await()
                .atMost(Duration.ofSeconds(1))
                .content()
                .contains("\"second\""));
    }

    private ModelReply complete(String message) {
        return provider.complete(request(message)).await().atMost(Duration.ofSeconds(1));
    }

    private static ModelRequest request(String message) {
        return new ModelRequest(
                "gpt-5-mini", "demo-agent", "Be brief.", List.of(new ChatTurn.User(message)), List.of());
    }
}
