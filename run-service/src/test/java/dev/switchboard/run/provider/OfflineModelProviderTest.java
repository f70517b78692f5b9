package dev.switchboard.run.provider;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineModelProviderTest {

    private final OfflineModelProvider provider = new OfflineModelProvider();

    @Test
    void quotesTheAgentAndTheExactMessage() {
        String message = "Summarize \"open\" tickets\nfrom last week.";
        ModelReply reply = complete(message);
        assertEquals("[offline] demo-agent received: \"" + message
                + "\". No model provider is configured, so this is a canned reply.", reply.content());
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

    private ModelReply complete(String message) {
        ModelRequest request = new ModelRequest("demo-agent", "Be brief.", "gpt-5-mini",
                List.of(new ChatTurn("user", message)), message);
        return provider.complete(request).await().atMost(Duration.ofSeconds(1));
    }
}
