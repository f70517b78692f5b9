package dev.switchboard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentRefTest {

    @Test
    void digitsAreANumericId() {
        assertEquals(Optional.of(new AgentRef.ById(7)), AgentRef.parse("7"));
        assertEquals(Optional.of(new AgentRef.ById(123456789012L)), AgentRef.parse("123456789012"));
    }

    @Test
    void aUuidShapeIsAUuidInAnyCase() {
        UUID uuid = UUID.fromString("0b6e1f3c-2d4a-4c8e-9f10-aabbccddeeff");
        assertEquals(Optional.of(new AgentRef.ByUuid(uuid)), AgentRef.parse(uuid.toString()));
        assertEquals(
                Optional.of(new AgentRef.ByUuid(uuid)),
                AgentRef.parse(uuid.toString().toUpperCase()));
    }

    @Test
    void aUuidShapeWinsOverAHandleShape() {
        String both = "deadbeef-dead-beef-dead-beefdeadbeef";
        assertTrue(AgentRef.isValidHandle(both));
        assertEquals(Optional.of(new AgentRef.ByUuid(UUID.fromString(both))), AgentRef.parse(both));
    }

    @Test
    void aSlugIsAHandle() {
        assertEquals(Optional.of(new AgentRef.ByHandle("demo")), AgentRef.parse("demo"));
        assertEquals(Optional.of(new AgentRef.ByHandle("a-1")), AgentRef.parse("a-1"));
    }

    @Test
    void anythingElseIsNoReference() {
        assertEquals(Optional.empty(), AgentRef.parse("Demo"));
        assertEquals(Optional.empty(), AgentRef.parse("1demo"));
        assertEquals(Optional.empty(), AgentRef.parse("-7"));
        assertEquals(Optional.empty(), AgentRef.parse(""));
        assertEquals(Optional.empty(), AgentRef.parse("a".repeat(64)));
        assertEquals(Optional.empty(), AgentRef.parse("99999999999999999999"));
        assertEquals(Optional.empty(), AgentRef.parse(null));
    }

    @Test
    void handleRules() {
        assertTrue(AgentRef.isValidHandle("a"));
        assertTrue(AgentRef.isValidHandle("a" + "b".repeat(62)));
        assertFalse(AgentRef.isValidHandle("a" + "b".repeat(63)));
        assertFalse(AgentRef.isValidHandle("a_b"));
    }
}
