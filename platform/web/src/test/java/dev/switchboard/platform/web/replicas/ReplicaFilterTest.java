package dev.switchboard.platform.web.replicas;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.resteasy.reactive.client.impl.UniInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter and the failover with a real REST client over real HTTP, against two servers on 127.0.0.1. */
class ReplicaFilterTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> served = new CopyOnWriteArrayList<>();
    private Client client;
    private ReplicaSet set;

    @BeforeEach
    void twoReplicas() throws IOException {
        for (String name : List.of("first", "second")) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.createContext("/", exchange -> {
                served.add(name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
                exchange.getRequestBody().readAllBytes();
                byte[] body = name.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            servers.add(server);
        }
        Replicas replicas = new Replicas(
                Map.of("thread-service", new ReplicaSet(List.of(url(0), url(1)), Duration.ofMinutes(1))),
                Map.of("thread-service", url(0).toString()));
        set = replicas.forKey("thread-service").orElseThrow();
        client = ClientBuilder.newBuilder()
                .connectTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                .register(new ReplicaFilter(replicas))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void callsAreSpreadOverBothReplicasKeepingPathAndQuery() {
        for (int i = 0; i < 4; i++) {
            get("/internal/threads/t1?limit=" + i).await().atMost(Duration.ofSeconds(10));
        }
        assertEquals(
                List.of(
                        "first GET /internal/threads/t1?limit=0",
                        "second GET /internal/threads/t1?limit=1",
                        "first GET /internal/threads/t1?limit=2",
                        "second GET /internal/threads/t1?limit=3"),
                served);
    }

    @Test
    void aClosedReplicaIsSkippedAndAPostThatNeverReachedItGoesToTheOther() {
        servers.get(1).stop(0); // nothing listens there any more: connection refused
        Failover failover = new Failover(2);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(failover.call(() -> post("/internal/threads/t1/messages", "{\"n\": 1}"))
                    .await()
                    .atMost(Duration.ofSeconds(10)));
        }
        assertEquals(List.of("first", "first", "first", "first"), answers);
        assertEquals(4, served.size(), "each POST reached a server exactly once: " + served);
        assertTrue(
                served.stream().allMatch(s -> s.equals("first POST /internal/threads/t1/messages")), served::toString);
        await().atMost(Duration.ofSeconds(10)).until(() -> set.isSkipped(url(1)));
    }

    @Test
    void withoutFailoverARefusedCallFailsAsNotSent() {
        servers.get(0).stop(0);
        Throwable failure = get("/x")
                .onItem()
                .<Throwable>transform(answer -> null)
                .onFailure()
                .recoverWithItem(f -> f)
                .await()
                .atMost(Duration.ofSeconds(10));
        assertTrue(Replicas.notSent(failure), String.valueOf(failure));
        await().atMost(Duration.ofSeconds(10)).until(() -> set.isSkipped(url(0)));
        for (int i = 0; i < 3; i++) {
            assertEquals("second", get("/x").await().atMost(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aRequestToAnotherHostIsLeftAlone() {
        assertEquals(
                URI.create("http://example.org:81/a?b=c"),
                Replicas.onReplica(URI.create("http://h:1/a?b=c"), URI.create("http://example.org:81")));
        assertTrue(new Replicas(Map.of(), Map.of())
                .forUri(URI.create("http://127.0.0.1:1/"))
                .isEmpty());
    }

    private Uni<String> get(String path) {
        return client.target(url(0).resolve(path))
                .request()
                .rx(UniInvoker.class)
                .get(String.class);
    }

    private Uni<String> post(String path, String json) {
        return client.target(url(0).resolve(path))
                .request()
                .rx(UniInvoker.class)
                .method("POST", Entity.json(json), String.class);
    }

    private URI url(int i) {
        return URI.create("http://127.0.0.1:" + servers.get(i).getAddress().getPort());
    }
}
