package dev.switchboard.gateway.client.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.web.json.JsonConfig;
import org.junit.jupiter.api.Test;

/** A run is read in run-service's camelCase and answered in the public API's snake_case. */
class RunViewTest {

    final ObjectMapper json = JsonConfig.configure(new ObjectMapper());

    @Test
    void readsRunServicesRunAndWritesThePublicOne() throws Exception {
        RunView run = json.readValue("""
                {"runId": "r1", "threadId": "t1", "status": "completed", "content": "hi", "model": "gpt-5-mini",
                 "provider": "offline", "agent": {"id": 7, "uuid": "0f8fad5b-d9cb-469f-a165-70867728950e",
                 "name": "Helper", "handle": null}, "usage": {"inputTokens": 3, "outputTokens": 5},
                 "createdAt": "2026-05-01T10:00:00.000Z", "startedAt": "2026-05-01T10:00:01.000Z",
                 "completedAt": "2026-05-01T10:00:02.000Z", "newField": 1,
                 "steps": [{"toolName": "calculator", "arguments": {"x": 1}, "result": 2, "error": null,
                            "startTime": "s", "endTime": "e"}]}""", RunView.class);
        assertTrue(run.started());
        assertEquals("7", run.agent().publicRef());
        JsonNode out = json.readTree(json.writeValueAsString(run));
        assertEquals(json.readTree("""
                        {"id": "r1", "thread_id": "t1", "status": "completed", "content": "hi", "model": "gpt-5-mini",
                         "provider": "offline", "agent": {"id": 7, "uuid": "0f8fad5b-d9cb-469f-a165-70867728950e",
                         "name": "Helper", "handle": null}, "usage": {"input_tokens": 3, "output_tokens": 5},
                         "created_at": "2026-05-01T10:00:00.000Z", "started_at": "2026-05-01T10:00:01.000Z",
                         "completed_at": "2026-05-01T10:00:02.000Z",
                         "steps": [{"tool_name": "calculator", "arguments": {"x": 1}, "result": 2, "error": null,
                                    "start_time": "s", "end_time": "e"}]}"""), out);
    }

    @Test
    void aCancelBeforeTheStartIsNoRunAndARunWithoutStepsHasNone() throws Exception {
        RunView cancel = json.readValue("{\"runId\": \"r2\", \"status\": \"cancel_requested\"}", RunView.class);
        assertFalse(cancel.started());
        assertEquals(0, cancel.steps().size());
        assertTrue(json.valueToTree(cancel).path("steps").isArray());
    }
}
