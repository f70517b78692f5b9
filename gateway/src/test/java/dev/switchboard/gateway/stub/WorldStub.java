package dev.switchboard.gateway.stub;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.stub.StubHttp;
import dev.switchboard.local.testing.stub.StubServer;
import java.io.IOException;

/**
 * A stubbed service over the shared {@link StubWorld}: reads the caller of each request, offers it to the routes
 * kept elsewhere (teams, seed 002) first, then answers it itself.
 */
abstract class WorldStub extends StubServer {

    /** Routes kept apart from the stub: true when they answered the request. */
    @FunctionalInterface
    interface Routes {
        boolean handle(HttpExchange exchange, StubHttp.Caller caller, String body) throws IOException;
    }

    protected final StubWorld world;
    private final Routes first;

    WorldStub(String name, StubWorld world, Routes first) {
        super(name);
        this.world = world;
        this.first = first;
    }

    @Override
    protected final void handle(HttpExchange exchange, String body) throws IOException {
        StubHttp.Caller caller = StubHttp.caller(exchange);
        if (!first.handle(exchange, caller, body)) {
            handle(exchange, caller, body);
        }
    }

    /** Answers a request none of the first routes answered. */
    protected abstract void handle(HttpExchange exchange, StubHttp.Caller caller, String body) throws IOException;
}
