package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON-schema builders for the built-in tools' arguments. */
final class Schemas {

    private Schemas() {}

    /** An object schema with one string property, required or not. */
    static JsonNode oneString(String property, String description, boolean required) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject(property).put("type", "string").put("description", description);
        if (required) {
            schema.putArray("required").add(property);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The string argument {@code name}, or null when absent or not a string. */
    static String text(JsonNode arguments, String name) {
        JsonNode value = arguments == null ? null : arguments.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
