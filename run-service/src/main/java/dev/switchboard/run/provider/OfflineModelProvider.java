package dev.switchboard.run.provider;

import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in provider used when no model provider is configured: a deterministic reply that quotes the
 * newest user turn, so the platform runs with no network. It streams the reply in chunks of a few words.
 */
public class OfflineModelProvider implements ModelProvider {

    public static final String NAME = "offline";

    private static final int WORDS_PER_CHUNK = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Multi<ModelEvent> stream(ModelRequest request) {
        String content = "[offline] " + request.agentName() + " received: \"" + request.lastUserText()
                + "\". No model provider is configured, so this is a canned reply.";
        int input = TokenEstimate.input(request);
        List<ModelEvent> events = new ArrayList<>();
        for (String chunk : chunks(content)) {
            events.add(new ModelEvent.TextDelta(chunk));
        }
        events.add(new ModelEvent.Completed(
                new ModelReply(content, List.of(), input, TokenEstimate.of(content), ModelReply.STOP)));
        return Multi.createFrom().iterable(events);
    }

    /** The text cut after every few words; the chunks join back to exactly the text. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && ++words % WORDS_PER_CHUNK == 0) {
                chunks.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            chunks.add(text.substring(start));
        }
        return chunks;
    }
}
