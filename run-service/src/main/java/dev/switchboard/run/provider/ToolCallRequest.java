package dev.switchboard.run.provider;

/** A tool call the model asks for: the provider's call id, the tool's name and its arguments as a JSON object. */
public record ToolCallRequest(String id, String name, String argumentsJson) {}
