package dev.switchboard.run.tool;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.run.client.AgentTool;
import dev.switchboard.run.config.ToolsConfig;
import dev.switchboard.run.stub.ContractStubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.switchboard.run.tool.ToolboxTest.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void resolvesBuiltInsAndAStdioMcpServer() throws Exception {
        List<String> args = EverythingServer.stdioArgs();
        Toolbox toolbox = registry.forAgent(agent(List.of(AgentTool.builtin("current_time"),
                AgentTool.mcpCommand("node", args, Map.of())))).await().atMost(Duration.ofSeconds(30));
        try {
            assertEquals(List.of(), toolbox.failures());
            assertEquals("current_time", toolbox.specifications().get(0).name());
            assertEquals(ToolResult.ok("Echo: from Quarkus"),
                    toolbox.call("echo", "{\"message\": \"from Quarkus\"}").await().atMost(Duration.ofSeconds(20)));
        } finally {
            toolbox.close().await().atMost(Duration.ofSeconds(15));
        }
    }
}
