package dev.switchboard.local.testing.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.local.testing.Gate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake model provider on 127.0.0.1 and a random port: each request gets the next scripted response (or the
 * fallback once the script is used up), written chunk by chunk, held wherever the response's {@link Gate} says.
 * Records every request, and when a client closed the connection in the middle of a streamed answer.
 */
public class FakeProviderServer implements AutoCloseable {

    static {
        // each chunk leaves when it is written, as from a real provider: without TCP_NODELAY the JDK's server
        // holds a small chunk until the previous one is acknowledged (up to 40 ms of delayed ACK)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How often a held streamed answer writes a keep-alive comment. */
    static final Duration HEARTBEAT = Duration.ofMillis(100);

    private final BlockingQueue<ScriptedResponse> script = new LinkedBlockingQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Instant> clientCloses = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch closed = new CountDownLatch(1);
    private volatile ScriptedResponse fallback =
            ScriptedResponse.json(500, "{\"error\":{\"message\":\"nothing scripted\"}}");
    private HttpServer server;
    private ExecutorService executor;

    public FakeProviderServer start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds answers to the script, for the next requests in order. */
    public FakeProviderServer enqueue(ScriptedResponse... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** The answer to every request once the script is used up (default: 500). */
    public FakeProviderServer always(ScriptedResponse response) {
        fallback = response;
        return this;
    }

    /** Forgets the script, the recorded requests and the closes. */
    public void reset() {
        script.clear();
        requests.clear();
        clientCloses.clear();
        closed = new CountDownLatch(1);
        fallback = ScriptedResponse.json(500, "{\"error\":{\"message\":\"nothing scripted\"}}");
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** Waits until a client closed a connection while its answer was still being streamed. */
    public boolean awaitClientClose(long timeout, TimeUnit unit) throws InterruptedException {
        return closed.await(timeout, unit);
    }

    /** When clients closed connections before their streamed answer ended. */
    public List<Instant> clientCloses() {
        return List.copyOf(clientCloses);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new RecordedRequest(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            ScriptedResponse response = script.poll();
            send(exchange, response == null ? fallback : response);
        } finally {
            try {
                exchange.close();
            } catch (RuntimeException alreadyGone) {
                // the client closed the connection first
            }
        }
    }

    private void send(HttpExchange exchange, ScriptedResponse response) throws IOException {
        try {
            if (response.answerGate() != null) {
                hold(response.answerGate(), null);
            }
            pause(response.silence());
        } catch (Gate.Failed failed) {
            byte[] bytes = "{\"error\":{\"message\":\"failed on purpose\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, bytes.length);
            exchange.getResponseBody().write(bytes);
            return;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        boolean streamed = response.status() == 200;
        if (!streamed) {
            byte[] bytes = String.join("", response.chunks()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.flush();
        try {
            for (String chunk : response.chunks()) {
                if (response.chunkGate() != null) {
                    hold(response.chunkGate(), out);
                }
                pause(response.pace());
                write(out, chunk);
            }
        } catch (IOException clientGone) {
            clientCloses.add(Instant.now());
            closed.countDown();
        } catch (Gate.Failed failed) {
            // the test failed the answer: the stream ends here, unfinished
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Holds until the gate lets one through; while held, writes a keep-alive comment to {@code out} (if any) every
     * {@link #HEARTBEAT}, which is how a client that went away is seen. Gives up after {@link Gate#HOLD_LIMIT}.
     */
    private static void hold(Gate gate, OutputStream out) throws Gate.Failed, InterruptedException, IOException {
        long steps = Gate.HOLD_LIMIT.toMillis() / HEARTBEAT.toMillis();
        for (long step = 0; !gate.pass(HEARTBEAT); step++) {
            if (step >= steps) {
                throw new Gate.Failed();
            }
            if (out != null) {
                write(out, ": keep-alive\n\n");
            }
        }
    }

    private static void write(OutputStream out, String chunk) throws IOException {
        out.write(chunk.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(Duration pause) throws InterruptedException {
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
    }
}
