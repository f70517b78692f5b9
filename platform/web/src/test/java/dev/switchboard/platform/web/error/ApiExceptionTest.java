package dev.switchboard.platform.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void renamesOnlyTheFieldsItIsGivenAndKeepsTheRest() {
        ApiException internal = ApiException.invalid("threadId must be a UUID", "threadId");
        ApiException renamed = assertInstanceOf(
                ApiException.class, ApiException.renamingField(internal, Map.of("threadId", "conversation_id")));
        assertEquals("conversation_id", renamed.field());
        assertEquals(400, renamed.status());
        assertEquals("invalid_argument", renamed.code());
        assertEquals("threadId must be a UUID", renamed.getMessage());

        ApiException other = ApiException.notFound("agent not found", "agent_id");
        assertSame(other, ApiException.renamingField(other, Map.of("threadId", "conversation_id")));
        RuntimeException notAnApiError = new IllegalStateException("boom");
        assertSame(notAnApiError, ApiException.renamingField(notAnApiError, Map.of("threadId", "conversation_id")));
    }
}
