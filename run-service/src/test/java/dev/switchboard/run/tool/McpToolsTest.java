package dev.switchboard.run.tool;

import static dev.switchboard.run.tool.ToolboxTest.agent;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.run.client.AgentTool;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    void anOperatorDefinedStdioServerIsPickedByNameItsToolsCalledThenTheProcessEnds() throws Exception {
        ToolRegistry registry = new ToolRegistry(
                TestToolsConfig.mcp(
                        false,
                        Map.of(
                                "everything",
                                TestToolsConfig.stdio("node", EverythingServer.stdioArgs(), Map.of("LOG_LEVEL", "x")))),
                TestToolsConfig.VERTX);
        AgentTool server = AgentTool.mcpServer("everything");
        long childrenBefore = ProcessHandle.current().children().count();

        Toolbox toolbox = registry.forAgent(agent(List.of(AgentTool.builtin("calculator"), server)))
                .await()
                .atMost(Duration.ofSeconds(30));
        assertEquals(List.of(), toolbox.failures());
        assertCallsEchoAndSum(toolbox);
        assertTrue(ProcessHandle.current().children().count() > childrenBefore, "the stdio server runs");
        JsonNode env = JSON.readTree(toolbox.call("get-env", "{}")
                .await()
                .atMost(Duration.ofSeconds(20))
                .content());
        assertEquals("x", env.path("LOG_LEVEL").asText(), "the operator's env reaches the server: " + env);
        System.getenv().keySet().stream()
                .filter(name -> !IsolatedStdioTransport.INHERITED.contains(name) && !name.equals("LOG_LEVEL"))
                .forEach(name -> assertFalse(env.has(name), name + " of run-service's environment leaked"));

        toolbox.close().await().atMost(Duration.ofSeconds(15));
        await("closing the toolbox stops the stdio server")
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> ProcessHandle.current()
                                .children()
                                .filter(ProcessHandle::isAlive)
                                .count(),
                        alive -> alive == childrenBefore);
        toolbox.close().await().indefinitely();
    }

    @Test
    void streamableHttpServerToolsAreListedAndCalled() {
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.mcp(true), TestToolsConfig.VERTX);
        Toolbox toolbox = registry.forAgent(
                        agent(List.of(AgentTool.mcpUrl(httpUrl, Map.of("Authorization", "Bearer test-token")))))
                .await()
                .atMost(Duration.ofSeconds(30));
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
            ToolRegistry registry = new ToolRegistry(
                    TestToolsConfig.mcp(
                            true,
                            Map.of(
                                    "defined",
                                    TestToolsConfig.stdio("node", List.of("-e", "process.exit(3)"), Map.of()))),
                    TestToolsConfig.VERTX);
            Toolbox toolbox = registry.forAgent(agent(List.of(
                            AgentTool.builtin("calculator"),
                            AgentTool.mcpUrl(brokenUrl, Map.of("Authorization", "Bearer secret-header")),
                            AgentTool.mcpUrl(closedUrl, null),
                            AgentTool.mcpServer("bash"))))
                    .await()
                    .atMost(Duration.ofSeconds(40));

            assertEquals(List.of("calculator"), names(toolbox));
            assertEquals(3, toolbox.failures().size(), toolbox.failures().toString());
            assertEquals(
                    "MCP server 'bash' is not defined by the operator (switchboard.tools.mcp.servers; "
                            + "defined here: defined)",
                    toolbox.failures().get(0));
            assertTrue(
                    toolbox.failures().get(1).startsWith("MCP server " + brokenUrl + " is unavailable"),
                    toolbox.failures().get(1));
            assertTrue(authorizations.contains("Bearer secret-header"), "the configured headers are sent");
            toolbox.failures().forEach(failure -> assertFalse(failure.contains("secret-header"), failure));
            assertEquals(
                    ToolResult.ok("4"),
                    toolbox.call("calculator", "{\"expression\": \"2+2\"}")
                            .await()
                            .indefinitely());
            ToolResult missing =
                    toolbox.call("echo", "{\"message\": \"hi\"}").await().indefinitely();
            assertTrue(missing.error());
            assertTrue(missing.content().contains("is unavailable"), missing.content());
            toolbox.close().await().indefinitely();
        } finally {
            broken.stop(0);
        }
    }

    @Test
    void anAgentCannotStartAProgramOfItsOwnChoice() {
        // what an agent could send before operators defined the servers: the command is not read at all
        AgentTool legacy = new AgentTool("mcp", null, null, null, null);
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.mcp(false), TestToolsConfig.VERTX);
        Toolbox toolbox = registry.forAgent(agent(List.of(legacy, AgentTool.mcpServer("everything"))))
                .await()
                .atMost(Duration.ofSeconds(10));
        assertTrue(toolbox.isEmpty());
        assertEquals(
                List.of(
                        "an MCP server needs a url or the name of one of the operator's servers",
                        "MCP server 'everything' is not defined by the operator (switchboard.tools.mcp.servers; "
                                + "this deployment defines none)"),
                toolbox.failures());
    }

    @Test
    void anOperatorServerWithABadNameOrNoCommandStopsTheRegistry() {
        IllegalStateException badName = assertThrows(
                IllegalStateException.class,
                () -> new ToolRegistry(
                        TestToolsConfig.mcp(
                                false, Map.of("Everything", TestToolsConfig.stdio("npx", List.of(), Map.of()))),
                        TestToolsConfig.VERTX));
        assertTrue(badName.getMessage().contains("switchboard.tools.mcp.servers.Everything"), badName.getMessage());
        IllegalStateException noCommand = assertThrows(
                IllegalStateException.class,
                () -> new ToolRegistry(
                        TestToolsConfig.mcp(false, Map.of("blank", TestToolsConfig.stdio(" ", List.of(), Map.of()))),
                        TestToolsConfig.VERTX));
        assertTrue(noCommand.getMessage().contains("blank.command must be set"), noCommand.getMessage());
    }

    @Test
    void aLoopbackServerIsRefusedUnlessPrivateAddressesAreAllowed() {
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.mcp(false), TestToolsConfig.VERTX);
        Toolbox toolbox = registry.forAgent(agent(List.of(AgentTool.mcpUrl(httpUrl, null))))
                .await()
                .atMost(Duration.ofSeconds(30));
        assertTrue(toolbox.isEmpty());
        assertTrue(
                toolbox.failures().get(0).contains("refused"),
                toolbox.failures().toString());
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
                .await()
                .atMost(Duration.ofSeconds(30));
        try {
            assertEquals(List.of(), toolbox.failures());
            assertEquals(
                    ToolResult.ok("Echo: before"),
                    toolbox.call("echo", "{\"message\": \"before\"}").await().atMost(Duration.ofSeconds(20)));
            assertTrue(checks.get() > 2, "every request was checked, not only the first: " + checks.get());

            rebound.set(true);
            ToolResult after =
                    toolbox.call("echo", "{\"message\": \"after\"}").await().atMost(Duration.ofSeconds(20));
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
                .filter(spec -> spec.name().equals("echo"))
                .findFirst()
                .orElseThrow();
        assertFalse(echo.description().isBlank());
        assertEquals("string", echo.parameters().at("/properties/message/type").asText());

        assertEquals(
                ToolResult.ok("Echo: hello, MCP"),
                toolbox.call("echo", JSON.createObjectNode().put("message", "hello, MCP"))
                        .await()
                        .atMost(Duration.ofSeconds(20)));
        assertEquals(
                ToolResult.ok("The sum of 2 and 40 is 42."),
                toolbox.call("get-sum", "{\"a\": 2, \"b\": 40}").await().atMost(Duration.ofSeconds(20)));
        ToolResult invalid = toolbox.call("get-sum", "{\"a\": \"two\"}").await().atMost(Duration.ofSeconds(20));
        assertTrue(invalid.error(), invalid.content());
    }

    private static List<String> names(Toolbox toolbox) {
        return toolbox.specifications().stream().map(ToolSpecification::name).toList();
    }
}
