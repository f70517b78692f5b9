package dev.switchboard.run.provider;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool the model may call: its name, what it does, and its parameters as a JSON-schema object. */
public record ToolSpec(String name, String description, JsonNode parameters) {}
