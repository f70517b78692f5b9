package dev.switchboard.local.testing.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One scripted HTTP answer of a fake provider: the status, the content type, the body as chunks written and
 * flushed one by one, the pause before each chunk, and a silence before the headers. A 200 {@code text/event-stream} answer is sent
 * chunked, so the client sees each chunk when it is written.
 */
public record ScriptedResponse(int status, String contentType, List<String> chunks, Duration delay,
        Duration headersDelay) {

    public ScriptedResponse {
        chunks = List.copyOf(chunks);
    }

    public ScriptedResponse(int status, String contentType, List<String> chunks, Duration delay) {
        this(status, contentType, chunks, delay, Duration.ZERO);
    }

    public static ScriptedResponse sse(List<String> events, Duration delay) {
        return new ScriptedResponse(200, "text/event-stream", events, delay);
    }

    public static ScriptedResponse json(int status, String body) {
        return new ScriptedResponse(status, "application/json", List.of(body), Duration.ZERO);
    }

    /** The same answer with another pause between chunks. */
    public ScriptedResponse withDelay(Duration other) {
        return new ScriptedResponse(status, contentType, chunks, other, headersDelay);
    }

    /** The same answer, sent only after a silence of {@code silence} (not even the headers): a provider that hangs. */
    public ScriptedResponse afterSilence(Duration silence) {
        return new ScriptedResponse(status, contentType, chunks, delay, silence);
    }

    /**
     * The same answer after {@code count} SSE comments ({@code : keep-alive}), one per pause: a provider that
     * answered at once but is still thinking. A client that closes the connection meanwhile is recorded.
     */
    public ScriptedResponse afterKeepAlives(int count) {
        List<String> all = new ArrayList<>(Collections.nCopies(count, ": keep-alive\n\n"));
        all.addAll(chunks);
        return new ScriptedResponse(status, contentType, all, delay, headersDelay);
    }
}
