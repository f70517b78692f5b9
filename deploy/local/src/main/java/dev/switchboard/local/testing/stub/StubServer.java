package dev.switchboard.local.testing.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stubbed service on a local port that can be stopped and started again on the same port (a service
 * that cannot be reached). Records every request it receives; a subclass answers the routes of its service.
 */
public abstract class StubServer {

    /** One request as the stub received it. */
    public record Received(String method, String pathAndQuery, String authorization, String body) {}

    private final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNextWith = new AtomicInteger();
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    protected StubServer(String name) {
        this.name = name;
    }

    /** Answers the request, whose body was read already, or throws {@link StubHttp.Failure}. */
    protected abstract void handle(HttpExchange exchange, String body) throws IOException;

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " stub on port " + port, e);
        }
        port = server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(
                    exchange.getRequestMethod(), exchange.getRequestURI().toString(), authorization, body));
            int failure = failNextWith.getAndSet(0);
            try {
                if (failure != 0) {
                    throw new StubHttp.Failure(
                            failure, failure == 503 ? "unavailable" : "internal", name + " failed on purpose", null);
                }
                handle(exchange, body);
            } catch (StubHttp.Failure f) {
                StubHttp.sendError(exchange, f);
            } catch (RuntimeException e) {
                StubHttp.sendError(exchange, new StubHttp.Failure(500, "internal", "stub error: " + e, null));
            }
        } finally {
            exchange.close();
        }
    }

    /** Stops listening: calls to this service now fail to connect. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** The next request is answered with this status and an error body. */
    public void failNextWith(int status) {
        failNextWith.set(status);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every request received, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The newest request received, or null. */
    public Received last() {
        List<Received> all = received();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }
}
