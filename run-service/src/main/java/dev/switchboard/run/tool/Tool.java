package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;

/** A tool a model may call: its name, what it does, the JSON schema of its arguments, and the call itself. */
public interface Tool {

    String name();

    String description();

    /** The JSON schema of {@link #call}'s arguments (an object schema). */
    JsonNode parameters();

    /** Runs the tool; a failure the model should see is an error {@link ToolResult}, not a failed Uni. */
    Uni<ToolResult> call(JsonNode arguments);

    default ToolSpecification specification() {
        return new ToolSpecification(name(), description(), parameters());
    }
}
