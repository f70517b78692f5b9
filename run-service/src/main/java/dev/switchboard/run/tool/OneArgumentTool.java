package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;

/**
 * A built-in tool of one string argument: its name, description and argument schema fixed, each call made with the
 * argument's value (null when absent or not a string).
 */
abstract class OneArgumentTool implements Tool {

    private final String name;
    private final String description;
    private final String argument;
    private final JsonNode parameters;

    OneArgumentTool(String name, String description, String argument, String argumentDescription, boolean required) {
        this.name = name;
        this.description = description;
        this.argument = argument;
        this.parameters = Schemas.oneString(argument, argumentDescription, required);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final JsonNode parameters() {
        return parameters;
    }

    @Override
    public final Uni<ToolResult> call(JsonNode arguments) {
        return callWith(Schemas.text(arguments, argument));
    }

    /** The call with the argument's value, or null. */
    abstract Uni<ToolResult> callWith(String argument);
}
