package dev.switchboard.run.lease;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TopicRecords;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.run.provider.fake.FakeOpenAiResource;
import dev.switchboard.run.rest.RunBody;
import dev.switchboard.run.rest.RunCalls;
import dev.switchboard.run.service.RunPrompts;
import dev.switchboard.run.service.RunTakeovers;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import dev.switchboard.run.stub.ThreadServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs whose replica died, over real PostgreSQL, Kafka and HTTP: a run row leased to another instance id whose
 * heartbeat is old is what a replica killed mid-run leaves behind. Its model had produced nothing: it is restarted
 * here and completes; it had streamed text: it ends failed {@code worker_lost} with its partial answer, a final
 * stream event and {@code run.failed}, and the run queued behind it goes on. A live run's heartbeat keeps it
 * from being taken over, and a draining replica refuses new runs.
 */
@QuarkusTest
@TestProfile(FastLeases.class)
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
@WithTestResource(FakeOpenAiResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunTakeoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    ContractStubs stubs;
    FakeOpenAi fake;

    @Inject
    Pool database;

    @Inject
    RunReplica replica;

    RunCalls caller;
    AgentServiceStub.Agent agent;
    ThreadServiceStub.Thread thread;

    @BeforeEach
    void newOrg() {
        fake.reset();
        fake.always(FakeOpenAi.text(List.of("the ", "whole ", "answer"), 5, 3));
        caller = RunCalls.newOrg();
        agent = stubs.agentService().addAgent(caller.org(), "survivor", null, "gpt-5-mini");
        thread = stubs.threadService().addThread(caller.org(), caller.user(), agent.uuid(), agent.id());
    }

    /**
     * Ends what this test left open: its runs are owned by replicas that no longer run once the test's application
     * stops, and the next test class's replica would otherwise take them over and ask the shared fake model.
     */
    @AfterEach
    void endOpenRuns() {
        database.preparedQuery("update runs set status = 'failed', heartbeat_at = now() where org_id = $1 "
                        + "and status in ('queued', 'in_progress')")
                .execute(Tuple.of(caller.org()))
                .await()
                .indefinitely();
    }

    @Test
    @Order(1)
    void aRunWhoseReplicaDiedBeforeTheModelAnsweredIsRestartedAndCompletes() {
        UUID runId = deadRun("in_progress");
        JsonPath run = awaitEnd(runId);
        assertEquals("completed", run.getString("status"), run.prettify());
        assertEquals("the whole answer", run.getString("content"));
        Row lease = lease(runId);
        assertEquals(replica.id(), lease.getString("owner"));
        assertEquals(2, lease.getInteger("attempts"));
        // the user's message and the answer are in the thread once each
        List<ThreadServiceStub.Message> messages = stubs.threadService().messages(thread.id());
        assertEquals(
                List.of("user", "assistant"),
                messages.stream().map(m -> m.role()).toList(),
                messages.toString());
        assertEquals(
                RunPrompts.messageId(caller.org(), runId, "assistant"),
                messages.get(1).id());
        assertEquals("the whole answer", messages.get(1).content());
        // its stream, replayable from any replica, is the restarted attempt's
        List<String> types = streamTypes(runId);
        assertEquals("done", types.get(types.size() - 1), types.toString());
        assertTrue(types.contains("text"), types.toString());
    }

    @Test
    @Order(2)
    void aRunWhoseReplicaDiedMidAnswerEndsWorkerLostWithItsPartialAnswerAndTheQueuedRunGoesOn() throws Exception {
        // the run's replica is alive at first: a run sent to the thread queues behind it
        UUID runId = run("in_progress", "now() + interval '1 hour'");
        streamed(runId, 1, "{\"content\": \"half an \"}");
        streamed(runId, 2, "{\"content\": \"answer\"}");
        String queued = caller.post("/start", RunBody.onThread(agent, thread.id(), "and now?"))
                .statusCode(202)
                .extract()
                .path("runId");
        caller.get(queued).statusCode(200).body("status", equalTo("queued"));
        // then it dies: its heartbeat stops
        database.preparedQuery(
                        "update runs set heartbeat_at = now() - interval '1 minute' where org_id = $1 " + "and id = $2")
                .execute(Tuple.of(caller.org(), runId))
                .await()
                .atMost(WAIT);

        JsonPath run = awaitEnd(runId);
        assertEquals("failed", run.getString("status"), run.prettify());
        assertEquals("worker_lost", run.getString("errorCode"));
        assertEquals(RunTakeovers.LOST, run.getString("error"));
        assertEquals("half an answer", run.getString("content"));
        // the partial answer is stored in the thread under the run's assistant message id
        UUID assistant = RunPrompts.messageId(caller.org(), runId, "assistant");
        assertTrue(
                stubs.threadService().messages(thread.id()).stream()
                        .anyMatch(m -> m.id().equals(assistant) && m.content().equals("half an answer")),
                stubs.threadService().messages(thread.id()).toString());
        // the stream ends with an error event naming the code, after the events the dead replica wrote
        JsonNode last = lastStreamEvent(runId);
        assertEquals(2 + RunTakeovers.TERMINAL_GAP, last.get("seq").asInt());
        assertEquals("error", last.get("type").asText());
        assertEquals("worker_lost", last.get("data").get("code").asText());
        // run.failed is on run-events (the dead run was inserted without run.started: the thread's events are the
        // queued run's run.started, the dead run's run.failed, then the queued run's end)
        JsonNode failed = TopicRecords.firstJson("run-events", thread.id(), 2).stream()
                .filter(e -> e.get("type").asText().equals("switchboard.run.failed"))
                .findFirst()
                .orElseThrow();
        assertEquals(runId.toString(), failed.get("data").get("runId").asText());
        assertEquals(RunTakeovers.LOST, failed.get("data").get("error").asText());
        // the run queued behind it takes its turn
        assertEquals("completed", awaitEnd(UUID.fromString(queued)).getString("status"));
    }

    @Test
    @Order(3)
    void aRunRestartedOnceIsNotRestartedAgain() {
        UUID runId = deadRun("in_progress");
        database.preparedQuery("update runs set attempts = 2 where org_id = $1 and id = $2")
                .execute(Tuple.of(caller.org(), runId))
                .await()
                .atMost(WAIT);
        JsonPath run = awaitEnd(runId);
        assertEquals("failed", run.getString("status"));
        assertEquals("worker_lost", run.getString("errorCode"));
        assertEquals(0, fake.requests().size(), "the model was asked again");
    }

    @Test
    @Order(4)
    void aLiveRunKeepsItsLeaseWhileItsModelIsHeld() throws Exception {
        Gate gate = new Gate();
        fake.enqueue(FakeOpenAi.text(List.of("slow ", "but ", "alive"), 5, 3).heldBy(gate));
        String runId = caller.post("/start", RunBody.onThread(agent, thread.id(), "take your time"))
                .statusCode(202)
                .extract()
                .path("runId");
        assertTrue(gate.awaitHeld(WAIT), "the run never reached the model");
        // for longer than the lease timeout the sweeper runs every second: the heartbeat keeps the run here
        await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30)).until(() -> {
            Row lease = lease(UUID.fromString(runId));
            return "in_progress".equals(lease.getString("status"))
                    && replica.id().equals(lease.getString("owner"))
                    && lease.getInteger("attempts") == 1;
        });
        gate.open();
        JsonPath run = awaitEnd(UUID.fromString(runId));
        assertEquals("completed", run.getString("status"));
        assertEquals("slow but alive", run.getString("content"));
    }

    @Test
    @Order(100)
    void aDrainingReplicaRefusesNewRunsWith503AndRetryAfterButStillServesReads() {
        String runId = caller.run(RunBody.onThread(agent, thread.id(), "before"))
                .statusCode(200)
                .extract()
                .path("runId");
        replica.drain(); // what SIGTERM does first; this test runs last in its application
        for (String route : List.of("", "/start", "/stream")) {
            caller.post(route, RunBody.onThread(agent, thread.id(), "after"))
                    .statusCode(503)
                    .header("Retry-After", equalTo("2"))
                    .body("error.code", equalTo("unavailable"));
        }
        caller.get(runId).statusCode(200).body("status", equalTo("completed"));
    }

    /** A run as a replica that was killed leaves it: leased to another instance, heartbeat a minute old. */
    private UUID deadRun(String status) {
        return run(status, "now() - interval '1 minute'");
    }

    /** A run leased to another instance, its last heartbeat at {@code heartbeat} (SQL). */
    private UUID run(String status, String heartbeat) {
        UUID runId = UUID.randomUUID();
        database.preparedQuery("insert into runs (id, org_id, user_id, agent_id, agent_numeric_id, agent_name, "
                        + "thread_id, status, model, provider, input, created_at, started_at, updated_at, owner, "
                        + "heartbeat_at, attempts, caller_authorization) values ($1, $2, $3, $4, $5, $6, $7, $8, "
                        + "'gpt-5-mini', 'openai', 'count', now(), now(), now(), $9, "
                        + heartbeat + ", 1, $10)")
                .execute(Tuple.from(Arrays.asList(
                        runId,
                        caller.org(),
                        caller.user(),
                        agent.uuid(),
                        agent.id(),
                        agent.name(),
                        thread.id(),
                        status,
                        "dead-" + UUID.randomUUID(),
                        "Bearer " + caller.token())))
                .await()
                .atMost(WAIT);
        return runId;
    }

    private void streamed(UUID runId, int seq, String data) {
        database.preparedQuery("insert into run_stream_events (org_id, run_id, seq, type, data, created_at) "
                        + "values ($1, $2, $3, 'text', $4, now())")
                .execute(Tuple.of(caller.org(), runId, seq, data))
                .await()
                .atMost(WAIT);
    }

    private Row lease(UUID runId) {
        return database.preparedQuery("select status, owner, attempts from runs where org_id = $1 and id = $2")
                .execute(Tuple.of(caller.org(), runId))
                .await()
                .atMost(WAIT)
                .iterator()
                .next();
    }

    private JsonNode lastStreamEvent(UUID runId) throws Exception {
        Row row = database.preparedQuery("select seq, type, data from run_stream_events where org_id = $1 "
                        + "and run_id = $2 order by seq desc limit 1")
                .execute(Tuple.of(caller.org(), runId))
                .await()
                .atMost(WAIT)
                .iterator()
                .next();
        ObjectNode event =
                JSON.createObjectNode().put("seq", row.getInteger("seq")).put("type", row.getString("type"));
        event.set("data", JSON.readTree(row.getString("data")));
        return event;
    }

    private List<String> streamTypes(UUID runId) {
        return database
                .preparedQuery("select type from run_stream_events where org_id = $1 and run_id = $2 " + "order by seq")
                .execute(Tuple.of(caller.org(), runId))
                .await()
                .atMost(WAIT)
                .stream()
                .map(row -> row.getString(0))
                .toList();
    }

    private JsonPath awaitEnd(UUID runId) {
        return await().atMost(WAIT)
                .until(
                        () -> caller.get(runId.toString())
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        view -> !List.of("queued", "in_progress").contains(view.getString("status")));
    }
}
