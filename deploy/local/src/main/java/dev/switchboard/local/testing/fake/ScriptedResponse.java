package dev.switchboard.local.testing.fake;

import dev.switchboard.local.testing.Gate;
import java.time.Duration;
import java.util.List;

/**
 * One scripted HTTP answer of a fake provider: the status, the content type, and the body as chunks written and
 * flushed one by one. A 200 {@code text/event-stream} answer is sent chunked, so the client sees each chunk when
 * it is written.
 *
 * <p>A test orders events with a {@link Gate}: {@link #heldBy} holds each chunk until the test lets it through,
 * {@link #answeredWhen} holds the whole answer (not even the headers leave). {@code pace} and {@code silence}
 * only pace an answer like a real model for a benchmark; no test relies on them to order events.
 *
 * @param answerGate held before anything is sent, or null
 * @param chunkGate held before each chunk of a streamed answer, or null
 */
public record ScriptedResponse(
        int status,
        String contentType,
        List<String> chunks,
        Duration pace,
        Duration silence,
        Gate answerGate,
        Gate chunkGate) {

    public ScriptedResponse {
        chunks = List.copyOf(chunks);
    }

    public static ScriptedResponse sse(List<String> events) {
        return new ScriptedResponse(200, "text/event-stream", events, Duration.ZERO, Duration.ZERO, null, null);
    }

    public static ScriptedResponse json(int status, String body) {
        return new ScriptedResponse(
                status, "application/json", List.of(body), Duration.ZERO, Duration.ZERO, null, null);
    }

    /**
     * The same answer, each chunk sent only when the gate lets it through (the headers of a streamed answer
     * leave at once). While a chunk is held the fake writes SSE keep-alive comments, as a provider that is
     * still thinking does, so a client that closes the connection meanwhile is recorded.
     */
    public ScriptedResponse heldBy(Gate gate) {
        return new ScriptedResponse(status, contentType, chunks, pace, silence, answerGate, gate);
    }

    /** The same answer, sent only when the gate lets it through (not even the headers before): a provider that hangs. */
    public ScriptedResponse answeredWhen(Gate gate) {
        return new ScriptedResponse(status, contentType, chunks, pace, silence, gate, chunkGate);
    }

    /** Benchmarks only: the same answer with a pause before each chunk, as a real model's token rate. */
    public ScriptedResponse withPace(Duration pause) {
        return new ScriptedResponse(status, contentType, chunks, pause, silence, answerGate, chunkGate);
    }

    /** Benchmarks only: the same answer after a silence before the headers, as a real model's latency. */
    public ScriptedResponse afterSilence(Duration latency) {
        return new ScriptedResponse(status, contentType, chunks, pace, latency, answerGate, chunkGate);
    }
}
