package dev.switchboard.run;

import java.io.Serializable;
import java.util.UUID;

/**
 * What identifies a run: its organisation and its id. A client may choose a run's id ({@code runId}), so an id is
 * unique within its organisation only; two organisations may use the same one without seeing each other.
 */
public record RunKey(String orgId, UUID id) implements Serializable {}
