package dev.switchboard.run.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.run.provider.fake.FakeOpenAiResource;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One thread, one active run, against a fake model the test holds mid-answer: a second run queues until
 * the first ended, {@code reject} is 409, {@code interrupt} cancels the running one first.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
@WithTestResource(FakeOpenAiResource.class)
class ThreadTurnsTest {

    ContractStubs stubs;
    FakeOpenAi fake;

    RunCalls caller;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() {
        fake.reset();
        fake.always(FakeOpenAi.text(List.of("one ", "two ", "three ", "four ", "five"), 5, 5));
        caller = RunCalls.newOrg();
        agent = stubs.agentService().addAgent(caller.org(), "slow", null, "gpt-5-mini");
    }

    @Test
    void aSecondRunOnTheThreadQueuesAndRejectIsAConflict() throws Exception {
        // the first answer is held until the second run was read, so the first is still running then
        Gate gate = new Gate();
        fake.enqueue(FakeOpenAi.text(Collections.nCopies(12, "slow "), 5, 12).heldBy(gate));
        JsonPath first = start(null, null).extract().jsonPath();
        String thread = first.getString("threadId");
        start(thread, "reject").statusCode(409).body("error.field", equalTo("multitaskStrategy"));
        start(thread, "later").statusCode(400).body("error.field", equalTo("multitaskStrategy"));
        String second = start(thread, null).statusCode(202).extract().path("runId");
        run(second).body("status", equalTo("queued"));
        gate.open();
        JsonPath a = awaitEnd(first.getString("runId"));
        JsonPath b = awaitEnd(second);
        assertEquals("completed", a.getString("status"));
        assertEquals("completed", b.getString("status"));
        assertFalse(
                Instant.parse(b.getString("startedAt")).isBefore(Instant.parse(a.getString("completedAt"))),
                "the queued run started " + b.getString("startedAt") + ", before the first ended "
                        + a.getString("completedAt"));
    }

    @Test
    void interruptCancelsTheRunningOneFirst() throws Exception {
        // the first answer is held mid-answer: the interrupt reaches it while it streams
        Gate gate = new Gate().let(1 + 3);
        fake.enqueue(FakeOpenAi.text(Collections.nCopies(30, "slow "), 5, 30).heldBy(gate));
        JsonPath first = start(null, null).extract().jsonPath();
        assertTrue(gate.awaitHeld(Duration.ofSeconds(10)), "the first run never reached the model");
        String second = start(first.getString("threadId"), "interrupt")
                .statusCode(202)
                .extract()
                .path("runId");
        assertEquals("cancelled", awaitEnd(first.getString("runId")).getString("status"));
        assertEquals("completed", awaitEnd(second).getString("status"));
    }

    private ValidatableResponse start(String threadId, String strategy) {
        RunBody body =
                threadId == null ? RunBody.newThread(agent, "count") : RunBody.onThread(agent, threadId, "count");
        return caller.post("/start", body.with("multitaskStrategy", strategy));
    }

    private ValidatableResponse run(String runId) {
        return caller.get(runId).statusCode(200);
    }

    private JsonPath awaitEnd(String runId) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> run(runId).extract().jsonPath(),
                        view -> !List.of("queued", "in_progress").contains(view.getString("status")));
    }
}
