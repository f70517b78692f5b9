package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.run.client.AgentTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.switchboard.run.tool.ToolboxTest.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MCP tools through the SDK against the reference server-everything, over stdio and streamable HTTP. */
class McpToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process httpServer;
    private static String httpUrl;

    @BeforeAll
    static void startHttpServer() throws IOException, InterruptedException {
        int port = EverythingServer.freePort();
        httpServer = EverythingServer.startHttp(port);
        httpUrl = "http://127.0.0.1:" + port + "/mcp";
    }

    @AfterAll
    static void stopHttpServer() throws InterruptedException {
        if (httpServer != null) {
            httpServer.destroy();
            if (!httpServer.waitFor(5, TimeUnit.SECONDS)) {
                httpServer.destroyForcibly();
            }
        }
    }

    @Test
    void stdioServerToolsAreListedAndCalledThenTheProcessEnds() throws Exception {
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.mcp(false, "node"), TestToolsConfig.VERTX);
        AgentTool server = AgentTool.mcpCommand("node", EverythingServer.stdioArgs(), Map.of("LOG_LEVEL", "x"));
        long childrenBefore = ProcessHandle.current().children().count();

        Toolbox toolbox = registry.forAgent(agent(List.of(AgentTool.builtin("calculator"), server)))
                .await().atMost(Duration.ofSeconds(30));
        assertEquals(List.of(), toolbox.failures());
        assertCallsEchoAndSum(toolbox);
        assertTrue(ProcessHandle.current().children().count() > childrenBefore, "the stdio server runs");

        toolbox.close().await().atMost(Duration.ofSeconds(15));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.current().children().filter(ProcessHandle::isAlive).count() > childrenBefore
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(childrenBefore, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(),
                "closing the toolbox stops the stdio server");
        toolbox.close().await().indefinitely();
    }

    @Test
    void streamableHttpServerToolsAreListedAndCalled() {
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.mcp(true), TestToolsConfig.VERTX);
        Toolbox toolbox = registry.forAgent(agent(List.of(AgentTool.mcpUrl(httpUrl,
                Map.of("Authorization", "Bearer test-token"))))).await().atMost(Duration.ofSeconds(30));
        try {
            assertEquals(List.of(), toolbox.failures());
            assertCallsEchoAndSum(toolbox);
        } finally {
            toolbox.close().await().atMost(Duration.ofSeconds(15));
        }
    }

    @Test
    void unreachableOrRefusedServersLeaveTheOtherToolsWorking() throws IOException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broken.createContext("/mcp", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        broken.start();
        try {
            String brokenUrl = "http://127.0.0.1:" + broken.getAddress().getPort() + "/mcp";
            String closedUrl = "http://127.0.0.1:" + EverythingServer.freePort() + "/mcp";
            ToolRegistry registry = new ToolRegistry(TestToolsConfig.mcp(true), TestToolsConfig.VERTX);
            Toolbox toolbox = registry.forAgent(agent(List.of(
                    AgentTool.builtin("calculator"),
                    AgentTool.mcpUrl(brokenUrl, Map.of("Authorization", "Bearer secret-header")),
                    AgentTool.mcpUrl(closedUrl, null),
                    AgentTool.mcpCommand("bash", List.of("-c", "echo hi"), null))))
                    .await().atMost(Duration.ofSeconds(40));

            assertEquals(List.of("calculator"), names(toolbox));
            assertEquals(3, toolbox.failures().size(), toolbox.failures().toString());
            assertTrue(toolbox.failures().get(0).startsWith("MCP server " + brokenUrl + " is unavailable"));
            assertTrue(toolbox.failures().get(2).contains("not allowed"), toolbox.failures().get(2));
            assertTrue(authorizations.contains("Bearer secret-header"), "the configured headers are sent");
            toolbox.failures().forEach(failure -> assertFalse(failure.contains("secret-header"), failure));
            assertEquals(ToolResult.ok("4"), toolbox.call("calculator", "{\"expression\": \"2+2\"}")
                    .await().indefinitely());
            ToolResult missing = toolbox.call("echo", "{\"message\": \"hi\"}").await().indefinitely();
            assertTrue(missing.error());
            assertTrue(missing.content().contains("is unavailable"), missing.content());
            toolbox.close().await().indefinitely();
        } finally {
            broken.stop(0);
        }
    }

    @Test
    void aLoopbackServerIsRefusedUnlessPrivateAddressesAreAllowed() {
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.mcp(false), TestToolsConfig.VERTX);
        Toolbox toolbox = registry.forAgent(agent(List.of(AgentTool.mcpUrl(httpUrl, null))))
                .await().atMost(Duration.ofSeconds(30));
        assertTrue(toolbox.isEmpty());
        assertTrue(toolbox.failures().get(0).contains("refused"), toolbox.failures().toString());
    }

    @Test
    void aServerWhoseNameTurnsInternalDuringTheSessionIsRefusedAtItsNextRequest() {
        // the test's resolver answers for the checks; the connections go to localhost, where the server is
        AtomicBoolean rebound = new AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.mcp(false), TestToolsConfig.VERTX, host -> {
            checks.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName(rebound.get() ? "169.254.169.254" : "93.184.215.14")};
        });
        String url = httpUrl.replace("127.0.0.1", "localhost");
        Toolbox toolbox = registry.forAgent(agent(List.of(AgentTool.mcpUrl(url, null))))
                .await().atMost(Duration.ofSeconds(30));
        try {
            assertEquals(List.of(), toolbox.failures());
            assertEquals(ToolResult.ok("Echo: before"), toolbox.call("echo", "{\"message\": \"before\"}")
                    .await().atMost(Duration.ofSeconds(20)));
            assertTrue(checks.get() > 2, "every request was checked, not only the first: " + checks.get());

            rebound.set(true);
            ToolResult after = toolbox.call("echo", "{\"message\": \"after\"}").await().atMost(Duration.ofSeconds(20));
            assertTrue(after.error(), after.content());
            assertTrue(after.content().contains("169.254.169.254"), after.content());
        } finally {
            toolbox.close().await().atMost(Duration.ofSeconds(15));
        }
    }

    private static void assertCallsEchoAndSum(Toolbox toolbox) {
        List<String> names = names(toolbox);
        assertTrue(names.containsAll(List.of("echo", "get-sum")), names.toString());
        ToolSpecification echo = toolbox.specifications().stream()
                .filter(spec -> spec.name().equals("echo")).findFirst().orElseThrow();
        assertFalse(echo.description().isBlank());
        assertEquals("string", echo.parameters().at("/properties/message/type").asText());

        assertEquals(ToolResult.ok("Echo: hello, MCP"), toolbox.call("echo",
                JSON.createObjectNode().put("message", "hello, MCP")).await().atMost(Duration.ofSeconds(20)));
        assertEquals(ToolResult.ok("The sum of 2 and 40 is 42."),
                toolbox.call("get-sum", "{\"a\": 2, \"b\": 40}").await().atMost(Duration.ofSeconds(20)));
        ToolResult invalid = toolbox.call("get-sum", "{\"a\": \"two\"}")
                .await().atMost(Duration.ofSeconds(20));
        assertTrue(invalid.error(), invalid.content());
    }

    private static List<String> names(Toolbox toolbox) {
        return toolbox.specifications().stream().map(ToolSpecification::name).toList();
    }
}
