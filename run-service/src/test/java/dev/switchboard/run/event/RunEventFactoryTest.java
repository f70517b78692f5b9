package dev.switchboard.run.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.events.OutboxEvent;
import dev.switchboard.platform.web.json.JsonConfig;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunEventFactoryTest {

    private final ObjectMapper json = JsonConfig.configure(new ObjectMapper());
    private final RunEventFactory factory = new RunEventFactory(json);

    @Test
    void completedRunIsACloudEventKeyedByThread() throws Exception {
        Run run = run();
        run.complete("the answer", 12, 3, null, List.of(), Instant.parse("2026-05-01T10:00:01.250Z"));

        OutboxEvent row = factory.outboxRow(RunEventType.COMPLETED, run);

        assertEquals("run-events", row.topic);
        assertEquals("thread-1", row.recordKey);
        JsonNode event = json.readTree(row.payload);
        assertEquals(row.eventId.toString(), event.get("id").asText());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/run-service", event.get("source").asText());
        assertEquals("switchboard.run.completed", event.get("type").asText());
        assertEquals(run.id.toString(), event.get("subject").asText());
        assertEquals("2026-05-01T10:00:01.250Z", event.get("time").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals(
                "urn:switchboard:schema:run.completed.v1",
                event.get("dataschema").asText());

        JsonNode data = event.get("data");
        assertEquals("org-1", data.get("orgId").asText());
        assertEquals(run.id.toString(), data.get("runId").asText());
        assertEquals("thread-1", data.get("threadId").asText());
        assertEquals(run.agentId.toString(), data.get("agentId").asText());
        assertEquals(7, data.get("agentNumericId").asLong());
        assertEquals("user-1", data.get("userId").asText());
        assertEquals("gpt-5-mini", data.get("model").asText());
        assertEquals("offline", data.get("provider").asText());
        assertEquals("completed", data.get("status").asText());
        assertEquals(12, data.get("usage").get("inputTokens").asInt());
        assertEquals(3, data.get("usage").get("outputTokens").asInt());
        assertTrue(data.get("toolsUsed").isArray() && data.get("toolsUsed").isEmpty());
        assertEquals("2026-05-01T10:00:00.000Z", data.get("startedAt").asText());
        assertEquals("2026-05-01T10:00:01.250Z", data.get("completedAt").asText());
        assertTrue(data.get("error").isNull());
    }

    @Test
    void everyEventHasItsOwnIdAndTypedSchema() throws Exception {
        Run run = run();
        OutboxEvent started = factory.outboxRow(RunEventType.STARTED, run);
        run.fail("thread-service cannot be reached", Instant.parse("2026-05-01T10:00:02Z"));
        OutboxEvent failed = factory.outboxRow(RunEventType.FAILED, run);

        assertNotEquals(started.eventId, failed.eventId);
        JsonNode startedEvent = json.readTree(started.payload);
        assertEquals("switchboard.run.started", startedEvent.get("type").asText());
        assertEquals(
                "urn:switchboard:schema:run.started.v1",
                startedEvent.get("dataschema").asText());
        assertEquals("in_progress", startedEvent.get("data").get("status").asText());
        assertTrue(startedEvent.get("data").get("completedAt").isNull());
        JsonNode failedEvent = json.readTree(failed.payload);
        assertEquals("switchboard.run.failed", failedEvent.get("type").asText());
        assertEquals(
                "urn:switchboard:schema:run.failed.v1",
                failedEvent.get("dataschema").asText());
        assertEquals(
                "thread-service cannot be reached",
                failedEvent.get("data").get("error").asText());
        assertEquals("2026-05-01T10:00:02.000Z", failedEvent.get("time").asText());
    }

    private static Run run() {
        Instant start = Instant.parse("2026-05-01T10:00:00Z");
        Run run = new Run();
        run.id = UUID.randomUUID();
        run.orgId = "org-1";
        run.userId = "user-1";
        run.agentId = UUID.randomUUID();
        run.agentNumericId = 7;
        run.agentName = "demo-agent";
        run.threadId = "thread-1";
        run.status = RunStatus.IN_PROGRESS;
        run.model = "gpt-5-mini";
        run.provider = "offline";
        run.input = "hello";
        run.createdAt = start;
        run.startedAt = start;
        run.updatedAt = start;
        return run;
    }
}
