package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One tool of an MCP server: its listed name, description and input schema; calls go through the session. */
final class McpTool implements Tool {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McpConnection connection;
    private final McpSchema.Tool tool;
    private final JsonNode parameters;

    McpTool(McpConnection connection, McpSchema.Tool tool) {
        this.connection = connection;
        this.tool = tool;
        this.parameters = tool.inputSchema() == null
                ? JSON.createObjectNode().put("type", "object")
                : JSON.valueToTree(tool.inputSchema());
    }

    @Override
    public String name() {
        return tool.name();
    }

    @Override
    public String description() {
        if (tool.description() != null) {
            return tool.description();
        }
        return tool.title() != null
                ? tool.title()
                : "the tool " + tool.name() + " of " + connection.server().label();
    }

    @Override
    public JsonNode parameters() {
        return parameters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Uni<ToolResult> call(JsonNode arguments) {
        Map<String, Object> args =
                arguments == null || !arguments.isObject() ? Map.of() : JSON.convertValue(arguments, Map.class);
        return connection.call(tool.name(), args).map(McpTool::toResult);
    }

    /** Text parts joined by newlines (other parts named by their kind); {@code isError} makes it an error. */
    static ToolResult toResult(McpSchema.CallToolResult result) {
        List<String> parts = new ArrayList<>();
        if (result.content() != null) {
            for (McpSchema.Content content : result.content()) {
                if (content instanceof McpSchema.TextContent text) {
                    parts.add(text.text());
                } else if (content instanceof McpSchema.ImageContent image) {
                    parts.add("[image " + image.mimeType() + "]");
                } else if (content instanceof McpSchema.AudioContent audio) {
                    parts.add("[audio " + audio.mimeType() + "]");
                } else if (content instanceof McpSchema.EmbeddedResource resource) {
                    parts.add(
                            resource.resource() instanceof McpSchema.TextResourceContents text
                                    ? text.text()
                                    : "[resource " + resource.resource().uri() + "]");
                } else if (content instanceof McpSchema.ResourceLink link) {
                    parts.add("[resource link " + link.uri() + "]");
                }
            }
        }
        if (parts.isEmpty() && result.structuredContent() != null) {
            parts.add(JSON.valueToTree(result.structuredContent()).toString());
        }
        String text = String.join("\n", parts);
        return Boolean.TRUE.equals(result.isError()) ? ToolResult.error(text) : ToolResult.ok(text);
    }
}
