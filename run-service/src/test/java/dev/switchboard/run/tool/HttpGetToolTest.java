package dev.switchboard.run.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** http_get against a JDK HttpServer on 127.0.0.1; every refused address is refused before any connection. */
class HttpGetToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger HITS = new AtomicInteger();
    private static final CountDownLatch SLOW_RELEASED = new CountDownLatch(1);
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", exchange -> {
            HITS.incrementAndGet();
            respond(exchange, 200, "hello from the test server");
        });
        server.createContext("/host", exchange -> {
            HITS.incrementAndGet();
            respond(exchange, 200, exchange.getRequestHeaders().getFirst("Host"));
        });
        server.createContext("/slow", exchange -> {
            try {
                // held until the test has its result (at most 30 s)
                SLOW_RELEASED.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "too late");
        });
        server.createContext("/big", exchange -> respond(exchange, 200, "x".repeat(5000)));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            respond(exchange, 302, "");
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void fetchesAnAllowedHostWhenPrivateAddressesAreAllowed() throws IOException {
        HttpGetTool tool = new HttpGetTool(TestToolsConfig.httpGet(true, true, "127.0.0.1"), TestToolsConfig.VERTX);
        ToolResult result = get(tool, base + "/hello");
        assertFalse(result.error(), result.content());
        JsonNode answer = JSON.readTree(result.content());
        assertEquals(200, answer.get("status").asInt());
        assertEquals("hello from the test server", answer.get("body").asText());
        assertFalse(answer.get("truncated").asBoolean());
    }

    @Test
    void cutsTheBodyAtTheCapAndDoesNotFollowRedirects() throws IOException {
        HttpGetTool tool = new HttpGetTool(TestToolsConfig.httpGet(true, true, "127.0.0.1"), TestToolsConfig.VERTX);
        JsonNode big = JSON.readTree(get(tool, base + "/big").content());
        assertEquals(1024, big.get("body").asText().length());
        assertTrue(big.get("truncated").asBoolean());
        JsonNode moved = JSON.readTree(get(tool, base + "/moved").content());
        assertEquals(302, moved.get("status").asInt());
        assertEquals(
                "http://169.254.169.254/latest/meta-data", moved.get("location").asText());
    }

    @Test
    void refusesInternalAddressesUnlessAllowed() {
        int before = HITS.get();
        String[] hosts = {
            "127.0.0.1",
            "10.1.2.3",
            "192.168.1.10",
            "172.16.0.1",
            "169.254.169.254",
            "[::1]",
            "0.0.0.0",
            "224.0.0.1",
            "[fd00::1]",
            "[fe80::1]",
            "[::ffff:127.0.0.1]",
            "100.64.0.1"
        };
        HttpGetTool tool = new HttpGetTool(TestToolsConfig.httpGet(true, false, hosts), TestToolsConfig.VERTX);
        for (String host : hosts) {
            ToolResult result =
                    get(tool, "http://" + host + ":" + server.getAddress().getPort() + "/hello");
            assertTrue(result.error(), host + " -> " + result.content());
            assertTrue(result.content().startsWith("refused:"), host + " -> " + result.content());
        }
        assertTrue(get(tool, "http://localhost:" + server.getAddress().getPort() + "/hello")
                .error());
        assertEquals(before, HITS.get(), "no refused request reached the server");
    }

    @Test
    void connectsToTheAddressItResolvedOnceNotToWhatTheNameResolvesToLater() throws IOException {
        // rebinding.test is in no DNS: the request can reach the test server only at the address resolved once
        AtomicInteger lookups = new AtomicInteger();
        HttpGetTool tool = new HttpGetTool(
                TestToolsConfig.httpGet(true, true, "rebinding.test"),
                TestToolsConfig.VERTX,
                host -> new InetAddress[] {
                    InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.1" : "127.0.0.2")
                });
        int port = server.getAddress().getPort();
        ToolResult result = get(tool, "http://rebinding.test:" + port + "/host");
        assertFalse(result.error(), result.content());
        JsonNode answer = JSON.readTree(result.content());
        assertEquals(200, answer.get("status").asInt());
        assertEquals("rebinding.test:" + port, answer.get("body").asText(), "the request still names the host");
        assertEquals(1, lookups.get(), "the name was resolved once, by the check");
    }

    @Test
    void refusesANameWithAnyInternalAddressWithoutConnecting() {
        int before = HITS.get();
        HttpGetTool tool =
                new HttpGetTool(TestToolsConfig.httpGet(true, false, "mixed.test"), TestToolsConfig.VERTX, host ->
                        new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getLoopbackAddress()});
        ToolResult result = get(tool, "http://mixed.test:" + server.getAddress().getPort() + "/hello");
        assertTrue(result.error());
        assertEquals(
                "refused: mixed.test resolves to 127.0.0.1, a loopback, private, link-local or multicast address",
                result.content());
        assertEquals(before, HITS.get());
        HttpGetTool nowhere =
                new HttpGetTool(TestToolsConfig.httpGet(true, false, "nowhere.test"), TestToolsConfig.VERTX, host -> {
                    throw new UnknownHostException(host);
                });
        assertEquals(
                "the request failed: unknown host nowhere.test",
                get(nowhere, "https://nowhere.test/").content());
    }

    @Test
    void aServerSlowerThanTheTimeoutIsATimeoutResult() {
        HttpGetTool tool = new HttpGetTool(
                new TestToolsConfig.TestHttpGet(
                        true, Optional.of(List.of("127.0.0.1")), true, Duration.ofMillis(300), 1024),
                TestToolsConfig.VERTX);
        try {
            ToolResult result = assertTimeout(
                    Duration.ofMillis(2500), () -> get(tool, base + "/slow"), "it did not wait for the answer");
            assertEquals(ToolResult.error("the request timed out after 300 ms"), result);
        } finally {
            SLOW_RELEASED.countDown();
        }
    }

    @Test
    void onlyAllowListedHostsAndHttpUrls() {
        HttpGetTool tool = new HttpGetTool(
                TestToolsConfig.httpGet(true, true, "127.0.0.1", "*.example.org"), TestToolsConfig.VERTX);
        assertTrue(get(tool, "http://localhost:" + server.getAddress().getPort() + "/hello")
                .content()
                .contains("not on this server's allow-list"));
        assertTrue(get(tool, "https://evil.com/").content().contains("not on this server's allow-list"));
        assertTrue(get(tool, "https://example.org.evil.com/").content().contains("allow-list"));
        assertTrue(get(tool, "file:///etc/passwd").content().contains("only http and https"));
        assertTrue(get(tool, "ftp://127.0.0.1/x").content().contains("only http and https"));
        assertTrue(get(tool, "not a url").error());
        assertTrue(tool.call(JSON.createObjectNode())
                .await()
                .indefinitely()
                .content()
                .contains("required"));
        assertTrue(tool.isAllowed("api.example.org"));
        assertFalse(tool.isAllowed("example.org"));
    }

    @Test
    void offByDefault() {
        int before = HITS.get();
        HttpGetTool tool = new HttpGetTool(TestToolsConfig.httpGet(false, true, "127.0.0.1"), TestToolsConfig.VERTX);
        ToolResult result = get(tool, base + "/hello");
        assertEquals(ToolResult.error("http_get is disabled on this server"), result);
        assertEquals(before, HITS.get());
    }

    @Test
    void anUnreachablePortIsAnErrorResult() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpGetTool tool = new HttpGetTool(TestToolsConfig.httpGet(true, true, "127.0.0.1"), TestToolsConfig.VERTX);
        ToolResult result = get(tool, "http://127.0.0.1:" + port + "/");
        assertTrue(result.error());
        assertTrue(result.content().startsWith("the request failed"), result.content());
    }

    private static ToolResult get(HttpGetTool tool, String url) {
        return tool.call(JSON.createObjectNode().put("url", url)).await().indefinitely();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
