package dev.switchboard.run.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TopicRecords;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a service run-service depends on fails: the answer says so, and no run is left half written. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
class RunFailureTest {

    ContractStubs stubs;

    @Inject
    Pool database;

    RunCalls caller;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() {
        caller = RunCalls.newOrg();
        agent = stubs.agentService().addAgent(caller.org(), "demo-agent", "demo", "gpt-5-mini");
    }

    @Test
    void agentServiceDownIs503AndStoresNoRun() {
        long runsBefore = count("select count(*) from runs");
        long eventsBefore = count("select count(*) from outbox_events");
        int threadsBefore = stubs.threadService().threadCount();
        stubs.agentService().stop();
        try {
            caller.run(RunBody.newThread(agent, "anyone?"))
                    .statusCode(503)
                    .body("error.code", equalTo("unavailable"))
                    .body(
                            "error.message",
                            equalTo("a backend service is temporarily unavailable; retry in a few seconds"))
                    .body("error.message", not(containsString("agent-service")));
        } finally {
            stubs.agentService().start();
        }
        assertEquals(runsBefore, count("select count(*) from runs"));
        assertEquals(eventsBefore, count("select count(*) from outbox_events"));
        assertEquals(threadsBefore, stubs.threadService().threadCount());
    }

    @Test
    void aRefusalAfterTheRunStartedFailsTheRunAndPassesTheErrorThrough() {
        String threadId = stubs.threadService()
                .addThread(caller.org(), caller.user(), agent.uuid(), agent.id())
                .id();
        stubs.threadService().failAppends(threadId, 413, "payload_too_large", "content is too large", "content");

        caller.run(RunBody.onThread(agent, threadId, "too much"))
                .statusCode(413)
                .body("error.code", equalTo("payload_too_large"))
                .body("error.message", equalTo("content is too large"))
                .body("error.field", equalTo("content"));

        List<JsonNode> events = TopicRecords.firstJson("run-events", threadId, 2);
        assertEquals("switchboard.run.started", events.get(0).get("type").asText());
        JsonNode failed = events.get(1);
        assertEquals("switchboard.run.failed", failed.get("type").asText());
        assertEquals(
                "urn:switchboard:schema:run.failed.v1", failed.get("dataschema").asText());
        assertEquals("failed", failed.get("data").get("status").asText());
        assertEquals("content is too large", failed.get("data").get("error").asText());
        String runId = failed.get("subject").asText();

        caller.get(runId)
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("error", equalTo("content is too large"))
                .body("threadId", equalTo(threadId));
    }

    private long count(String sql) {
        return database.query(sql)
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }
}
