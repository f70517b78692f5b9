package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool as the model is told about it: name, description and the JSON schema of its arguments. */
public record ToolSpecification(String name, String description, JsonNode parameters) {}
