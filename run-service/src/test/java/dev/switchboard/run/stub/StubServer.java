package dev.switchboard.run.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stubbed service on a fixed local port that can be stopped and started again (to test a service that
 * cannot be reached). Records the {@code Authorization} header of every request.
 */
abstract class StubServer {

    private final String name;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    StubServer(String name) {
        this.name = name;
    }

    /** Answers the request, or throws {@link StubHttp.Failure}. */
    abstract void handle(HttpExchange exchange) throws IOException;

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " stub", e);
        }
        port = server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                try {
                    handle(exchange);
                } catch (StubHttp.Failure failure) {
                    StubHttp.sendError(exchange, failure);
                } catch (RuntimeException e) {
                    StubHttp.sendError(exchange, new StubHttp.Failure(500, "internal", e.toString(), null));
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Stops listening: calls to it now fail to connect. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The Authorization header of every request received, oldest first ("" when there was none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public String lastAuthorization() {
        return authorizations.isEmpty() ? null : authorizations.get(authorizations.size() - 1);
    }
}
