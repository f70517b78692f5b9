package dev.switchboard.run.tool;

import static dev.switchboard.run.tool.ToolboxTest.agent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import dev.switchboard.run.client.AgentTool;
import dev.switchboard.run.config.ToolsConfig;
import dev.switchboard.run.stub.ContractStubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ToolRegistry bean as the service runs it: its configuration, and the MCP SDK inside Quarkus. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
class ToolRegistryQuarkusTest {

    @Inject
    ToolRegistry registry;

    @Inject
    ToolsConfig config;

    @Test
    void theDefaultsAreSafe() {
        assertEquals(8, config.maxSteps());
        assertEquals(Duration.ofSeconds(30), config.callTimeout());
        assertFalse(config.httpGet().enabled());
        assertTrue(config.httpGet().allowedHosts().orElse(List.of()).isEmpty());
        assertFalse(config.httpGet().allowPrivate());
        assertFalse(config.mcp().allowPrivate());
    }

    @Test
    void theOperatorsServersAreReadFromTheConfiguration() {
        ToolsConfig.StdioServer everything = config.mcp().servers().get("everything");
        assertEquals("node", everything.command());
        assertEquals("stdio", everything.args().orElseThrow().get(1));
        assertTrue(everything.env().isEmpty());
        assertEquals(
                List.of(
                        AgentTool.builtin("calculator"),
                        AgentTool.builtin("current_time"),
                        AgentTool.mcpServer("everything")),
                registry.catalog());
    }

    @Test
    void theCatalogIsServedByNameOnly() {
        String token = TestTokens.internal("org-" + UUID.randomUUID(), "user-1");
        given().auth()
                .oauth2(token)
                .get("/internal/tools")
                .then()
                .statusCode(200)
                .body("tools.type", equalTo(List.of("builtin", "builtin", "mcp")))
                .body("tools.name", equalTo(Arrays.asList("calculator", "current_time", null)))
                .body("tools[2].server", equalTo("everything"))
                .body("tools[2]", not(hasKey("command")))
                .body(not(containsString("node")));
        given().get("/internal/tools").then().statusCode(401);
    }

    @Test
    void resolvesBuiltInsAndAStdioMcpServerTheOperatorDefined() throws Exception {
        // application.properties defines "everything" for the test profile: node and the installed entry script
        EverythingServer.stdioArgs();
        Toolbox toolbox = registry.forAgent(
                        agent(List.of(AgentTool.builtin("current_time"), AgentTool.mcpServer("everything"))))
                .await()
                .atMost(Duration.ofSeconds(30));
        try {
            assertEquals(List.of(), toolbox.failures());
            assertEquals("current_time", toolbox.specifications().get(0).name());
            assertEquals(
                    ToolResult.ok("Echo: from Quarkus"),
                    toolbox.call("echo", "{\"message\": \"from Quarkus\"}")
                            .await()
                            .atMost(Duration.ofSeconds(20)));
        } finally {
            toolbox.close().await().atMost(Duration.ofSeconds(15));
        }
    }
}
