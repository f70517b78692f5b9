package dev.switchboard.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.AgentTool;
import dev.switchboard.platform.web.error.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the {@code tools} array of an agent request. Every refusal is a 400
 * {@code invalid_argument} naming the field as written, e.g. {@code tools[1].url}.
 */
public final class AgentToolsReader {

    public static final int MAX_TOOLS = 20;
    public static final Set<String> BUILTINS = Set.of("current_time", "calculator", "http_get");

    static final int MAX_URL = 2048;
    static final int MAX_ENTRIES = 20;
    static final int MAX_VALUE = 4096;
    static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    /** The name of an operator-defined stdio MCP server; run-service checks its own definitions the same way. */
    static final Pattern SERVER_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    private static final Set<String> BUILTIN_FIELDS = Set.of("type", "name");
    private static final Set<String> HTTP_FIELDS = Set.of("type", "url", "headers");
    private static final Set<String> SERVER_FIELDS = Set.of("type", "server");
    /** What an agent could set before stdio MCP servers became the operator's: refused with a pointer to server. */
    private AgentToolsReader() {}

    /** The tools {@code node} describes; null when it is absent or JSON null (nothing to set). */
    public static List<AgentTool> read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid("tools must be an array", "tools");
        }
        if (node.size() > MAX_TOOLS) {
            throw invalid("tools may list at most " + MAX_TOOLS + " tools", "tools");
        }
        List<AgentTool> tools = new ArrayList<>();
        Set<String> builtins = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            AgentTool tool = readTool(node.get(i), "tools[" + i + "]");
            if (AgentTool.BUILTIN.equals(tool.type()) && !builtins.add(tool.name())) {
                throw invalid("built-in tool " + tool.name() + " is listed twice", "tools[" + i + "].name");
            }
            tools.add(tool);
        }
        return List.copyOf(tools);
    }

    private static AgentTool readTool(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw invalid(at + " must be a JSON object", at);
        }
        String type = text(node, at, "type", 10, true);
        if (AgentTool.BUILTIN.equals(type)) {
            onlyFields(node, at, BUILTIN_FIELDS, "a builtin tool");
            String name = text(node, at, "name", 100, true);
            if (!BUILTINS.contains(name)) {
                throw invalid(at + ".name must be one of: calculator, current_time, http_get", at + ".name");
            }
            return AgentTool.builtin(name);
        }
        if (!AgentTool.MCP.equals(type)) {
            throw invalid(at + ".type must be builtin or mcp", at + ".type");
        }
        refuseRetiredFields(node, at);
        boolean hasUrl = node.has("url") && !node.get("url").isNull();
        boolean hasServer = node.has("server") && !node.get("server").isNull();
        if (hasUrl == hasServer) {
            throw invalid(
                    at + " needs exactly one of url (an MCP server of your own) or server (one of the "
                            + "operator's, by name)",
                    at + (hasUrl ? ".server" : ".url"));
        }
        if (hasUrl) {
            onlyFields(node, at, HTTP_FIELDS, "an MCP server with a url");
            String url = text(node, at, "url", MAX_URL, true);
            checkUrl(url, at + ".url");
            return AgentTool.mcpUrl(url, headers(node, at));
        }
        onlyFields(node, at, SERVER_FIELDS, "an MCP server picked by name");
        String server = text(node, at, "server", 63, true);
        if (!SERVER_NAME.matcher(server).matches()) {
            throw invalid(at + ".server must match " + SERVER_NAME.pattern(), at + ".server");
        }
        return AgentTool.mcpServer(server);
    }

    private static void refuseRetiredFields(JsonNode node, String at) {
        for (String field : List.of("command", "args", "env")) {
            if (node.has(field)) {
                throw invalid(
                        at + "." + field + " is not accepted: the operator defines stdio MCP servers (command, "
                                + "arguments, environment); pick one by name with \"server\" (GET /api/v1/tools lists them)",
                        at + "." + field);
            }
        }
    }

    private static void onlyFields(JsonNode node, String at, Set<String> allowed, String what) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(at + "." + name + " is not a field of " + what, at + "." + name);
            }
        }
    }

    private static String text(JsonNode node, String at, String field, int max, boolean required) {
        JsonNode value = node.get(field);
        String path = at + "." + field;
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(path + " is required", path);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(path + " must be a string", path);
        }
        String text = value.asText();
        if (text.isEmpty() || text.length() > max) {
            throw invalid(path + " must be 1 to " + max + " characters", path);
        }
        return text;
    }

    private static void checkUrl(String url, String path) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid(path + " must be an http or https URL with a host", path);
            }
        } catch (URISyntaxException e) {
            throw invalid(path + " must be an http or https URL with a host", path);
        }
    }

    private static Map<String, String> headers(JsonNode node, String at) {
        JsonNode object = node.get("headers");
        String path = at + ".headers";
        if (object == null || object.isNull()) {
            return null;
        }
        if (!object.isObject() || object.size() > MAX_ENTRIES) {
            throw invalid(path + " must be a JSON object of at most " + MAX_ENTRIES + " entries", path);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryPath = path + "." + entry.getKey();
            if (!HEADER_NAME.matcher(entry.getKey()).matches()) {
                throw invalid(entryPath + " is not a valid name", entryPath);
            }
            JsonNode value = entry.getValue();
            if (!value.isTextual()
                    || value.asText().length() > MAX_VALUE
                    || value.asText().indexOf('\r') >= 0
                    || value.asText().indexOf('\n') >= 0) {
                throw invalid(
                        entryPath + " must be a single-line string of at most " + MAX_VALUE + " characters", entryPath);
            }
            values.put(entry.getKey(), value.asText());
        }
        return values;
    }

    private static ApiException invalid(String message, String field) {
        return ApiException.invalid(message, field);
    }
}
