package dev.switchboard.run.rest;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.run.provider.fake.FakeOpenAiResource;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * One thread, one active run, against a slow fake model (five chunks 300 ms apart): a second run queues until
 * the first ended, {@code reject} is 409, {@code interrupt} cancels the running one first.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
@WithTestResource(FakeOpenAiResource.class)
class ThreadTurnsTest {

    ContractStubs stubs;
    FakeOpenAi fake;

    String token;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() {
        fake.reset();
        fake.always(FakeOpenAi.text(Duration.ofMillis(300), List.of("one ", "two ", "three ", "four ", "five"), 5, 5));
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.internal(org, "user-" + UUID.randomUUID());
        agent = stubs.agentService().addAgent(org, "slow", null, "gpt-5-mini");
    }

    @Test
    void aSecondRunOnTheThreadQueuesAndRejectIsAConflict() throws Exception {
        // the first answer takes 6 s, so it is still running when the second run is read, however slow the machine
        fake.enqueue(FakeOpenAi.text(Duration.ofMillis(500), java.util.Collections.nCopies(12, "slow "), 5, 12));
        JsonPath first = start(null, null).extract().jsonPath();
        String thread = first.getString("threadId");
        start(thread, "reject").statusCode(409).body("error.field", equalTo("multitaskStrategy"));
        start(thread, "later").statusCode(400).body("error.field", equalTo("multitaskStrategy"));
        String second = start(thread, null).statusCode(202).extract().path("runId");
        run(second).body("status", equalTo("queued"));
        JsonPath a = awaitEnd(first.getString("runId"));
        JsonPath b = awaitEnd(second);
        assertEquals("completed", a.getString("status"));
        assertEquals("completed", b.getString("status"));
        assertFalse(Instant.parse(b.getString("startedAt")).isBefore(Instant.parse(a.getString("completedAt"))),
                "the queued run started " + b.getString("startedAt") + ", before the first ended "
                        + a.getString("completedAt"));
    }

    @Test
    void interruptCancelsTheRunningOneFirst() throws Exception {
        // the first answer takes 15 s, so the interrupt reaches it mid-answer however slow the machine is
        fake.enqueue(FakeOpenAi.text(Duration.ofMillis(500), java.util.Collections.nCopies(30, "slow "), 5, 30));
        JsonPath first = start(null, null).extract().jsonPath();
        // the first run is with the model before the second arrives
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fake.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(fake.requests().isEmpty(), "the first run never reached the model");
        String second = start(first.getString("threadId"), "interrupt").statusCode(202).extract().path("runId");
        assertEquals("cancelled", awaitEnd(first.getString("runId")).getString("status"));
        assertEquals("completed", awaitEnd(second).getString("status"));
    }

    private io.restassured.response.ValidatableResponse start(String threadId, String strategy) {
        Map<String, Object> body = new HashMap<>(Map.of("agentId", agent.uuid().toString(), "message", "count"));
        body.put("threadMode", threadId == null ? "new" : "existing");
        if (threadId != null) {
            body.put("threadId", threadId);
        }
        if (strategy != null) {
            body.put("multitaskStrategy", strategy);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/internal/runs/start")
                .then();
    }

    private io.restassured.response.ValidatableResponse run(String runId) {
        return given().auth().oauth2(token).get("/internal/runs/{id}", runId).then().statusCode(200);
    }

    private JsonPath awaitEnd(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonPath view = run(runId).extract().jsonPath();
        while (List.of("queued", "in_progress").contains(view.getString("status")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            view = run(runId).extract().jsonPath();
        }
        return view;
    }
}
