package dev.switchboard.run.event;

/** The run events, past tense; documented in {@code src/main/asyncapi/run-events.yaml}. */
public enum RunEventType {
    STARTED("run.started"),
    COMPLETED("run.completed"),
    FAILED("run.failed"),
    CANCELLED("run.cancelled");

    private final String name;

    RunEventType(String name) {
        this.name = name;
    }

    /** The CloudEvents {@code type}, e.g. {@code switchboard.run.completed}. */
    public String type() {
        return "switchboard." + name;
    }

    /** The CloudEvents {@code dataschema}, e.g. {@code urn:switchboard:schema:run.completed.v1}. */
    public String dataschema() {
        return "urn:switchboard:schema:" + name + ".v1";
    }
}
