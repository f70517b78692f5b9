package dev.switchboard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentTest {

    private static final Instant CREATED = Instant.parse("2026-05-01T10:00:00.123456789Z");
    private static final Instant LATER = Instant.parse("2026-05-01T11:00:00.987654321Z");

    @Test
    void aNewAgentKeepsMillisecondsAndDefaultsInstructions() {
        Agent agent = Agent.create("org", null, "Name", null, "model", CREATED);
        assertEquals(Instant.parse("2026-05-01T10:00:00.123Z"), agent.createdAt);
        assertEquals(agent.createdAt, agent.updatedAt);
        assertEquals("", agent.instructions);
        assertNull(agent.handle);
        assertEquals(36, agent.uuid.toString().length());
    }

    @Test
    void applyChangesOnlyGivenValuesAndMovesUpdatedAt() {
        Agent agent = Agent.create("org", "h", "Name", "Rules", "model", CREATED);
        assertTrue(agent.apply(null, "Other", null, null, LATER));
        assertEquals("Other", agent.name);
        assertEquals("h", agent.handle);
        assertEquals("Rules", agent.instructions);
        assertEquals("model", agent.model);
        assertEquals(Instant.parse("2026-05-01T11:00:00.987Z"), agent.updatedAt);
    }

    @Test
    void applyingTheSameValuesIsNoChange() {
        Agent agent = Agent.create("org", "h", "Name", "Rules", "model", CREATED);
        assertFalse(agent.apply("h", "Name", "Rules", "model", LATER));
        assertFalse(agent.apply(null, null, null, null, LATER));
        assertEquals(agent.createdAt, agent.updatedAt);
    }
}
