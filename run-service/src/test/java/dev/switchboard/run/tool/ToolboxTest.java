package dev.switchboard.run.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.web.json.JsonConfig;
import dev.switchboard.run.client.AgentTool;
import dev.switchboard.run.client.AgentView;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ToolboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void builtInsOfAnAgent() {
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.defaults(), TestToolsConfig.VERTX);
        Toolbox toolbox = registry.forAgent(agent(List.of(
                        AgentTool.builtin("calculator"),
                        AgentTool.builtin("current_time"),
                        AgentTool.builtin("http_get"))))
                .await()
                .indefinitely();
        assertEquals(
                List.of("calculator", "current_time"),
                toolbox.specifications().stream().map(ToolSpecification::name).toList());
        assertEquals(List.of("http_get is disabled on this server"), toolbox.failures());
        assertEquals(
                ToolResult.ok("7"),
                toolbox.call("calculator", "{\"expression\": \"1 + 2 * 3\"}")
                        .await()
                        .indefinitely());
        assertTrue(toolbox.call("http_get", "{\"url\": \"https://example.org\"}")
                .await()
                .indefinitely()
                .content()
                .contains("http_get is disabled"));
        toolbox.close().await().indefinitely();
    }

    @Test
    void anAgentWithoutToolsHasAnEmptyToolbox() {
        ToolRegistry registry = new ToolRegistry(TestToolsConfig.defaults(), TestToolsConfig.VERTX);
        assertTrue(registry.forAgent(agent(null)).await().indefinitely().isEmpty());
    }

    @Test
    void everyFailureIsAnErrorResult() {
        Toolbox toolbox = Toolbox.of(
                List.of(
                        new CalculatorTool(),
                        new FakeTool("explodes", Uni.createFrom().failure(new IllegalStateException("boom"))),
                        new FakeTool("throws", null),
                        new FakeTool("hangs", Uni.createFrom().nothing())),
                Duration.ofMillis(200));

        assertEquals(
                "unknown tool 'nope'; available: calculator, explodes, throws, hangs",
                toolbox.call("nope", "{}").await().indefinitely().content());
        assertEquals(
                ToolResult.error("explodes failed: boom"),
                toolbox.call("explodes", "{}").await().indefinitely());
        assertEquals(
                ToolResult.error("throws failed: thrown"),
                toolbox.call("throws", "{}").await().indefinitely());
        assertEquals(
                ToolResult.error("hangs did not answer within 200 ms"),
                toolbox.call("hangs", "{}").await().indefinitely());
        assertEquals(
                ToolResult.error("the arguments of calculator are not valid JSON"),
                toolbox.call("calculator", "{nope").await().indefinitely());
        assertEquals(
                ToolResult.error("the arguments of calculator must be a JSON object"),
                toolbox.call("calculator", "[1]").await().indefinitely());
        assertTrue(toolbox.call("calculator", "").await().indefinitely().error(), "no expression");
    }

    @Test
    void aStepRecordsTheResultOrTheError() {
        JsonNode arguments = JSON.createObjectNode().put("expression", "1/0");
        Instant start = Instant.parse("2026-05-01T10:00:00Z");
        ToolStep failed =
                ToolStep.of("calculator", arguments, ToolResult.error("division by zero"), start, start.plusMillis(3));
        assertNull(failed.result());
        assertEquals("division by zero", failed.error());
        ToolStep ok = ToolStep.of("calculator", arguments, ToolResult.ok("2"), start, start.plusMillis(3));
        assertEquals("2", ok.result().asText());
        assertNull(ok.error());
        JsonNode written = JsonConfig.configure(new ObjectMapper()).valueToTree(ok);
        assertEquals("2026-05-01T10:00:00.003Z", written.get("endTime").asText());
        assertEquals(
                List.of("toolName", "arguments", "result", "error", "startTime", "endTime"),
                List.copyOf(iterable(written)));
    }

    static AgentView agent(List<AgentTool> tools) {
        return new AgentView(1, UUID.randomUUID(), "a", "Agent", "", "gpt-5-mini", tools);
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record FakeTool(String name, Uni<ToolResult> answer) implements Tool {

        @Override
        public String description() {
            return "a test tool";
        }

        @Override
        public JsonNode parameters() {
            return JSON.createObjectNode().put("type", "object");
        }

        @Override
        public Uni<ToolResult> call(JsonNode arguments) {
            if (answer == null) {
                throw new IllegalArgumentException("thrown");
            }
            return answer;
        }
    }
}
