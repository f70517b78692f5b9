package dev.switchboard.run.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.run.provider.fake.FakeOpenAiResource;
import dev.switchboard.run.service.CancellationRetention;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member reaches only their own runs, an admin or service key every run of the org; a run id is unique within its
 * org only, and so is a cancel requested before the run exists; a buffered run can be cancelled like a streamed one.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
@WithTestResource(FakeOpenAiResource.class)
class RunAccessTest {

    ContractStubs stubs;
    FakeOpenAi fake;

    @Inject
    Pool pool;

    @Inject
    CancellationRetention cancellations;

    String org;
    RunCalls alice;
    AgentServiceStub.Agent agent;

    @BeforeEach
    void newOrg() {
        fake.reset();
        org = Api.newOrg();
        alice = RunCalls.member(org, "alice");
        agent = stubs.agentService().addAgent(org, "private", null, "gpt-5-mini");
    }

    private ValidatableResponse run(RunCalls caller, String runId, String message) {
        return caller.run(RunBody.newThread(agent, message).with("runId", runId));
    }

    @Test
    void aMembersRunIsTheirsAloneWhileAdminsAndServiceKeysReachIt() {
        fake.enqueue(FakeOpenAi.text(List.of("ok"), 3, 1));
        String runId =
                run(alice, null, "private question").statusCode(200).extract().path("runId");

        RunCalls member = RunCalls.member(org, "mallory");
        RunCalls otherOrg = RunCalls.admin("other-" + UUID.randomUUID(), "mallory");
        for (RunCalls outsider : List.of(member, otherOrg)) {
            outsider.get(runId).statusCode(404).body("error.code", equalTo("not_found"));
            outsider.stream(runId).statusCode(404);
        }
        // another member cannot cancel it; in another org the id is simply not taken yet
        member.cancel(runId).statusCode(404);
        otherOrg.cancel(runId).statusCode(202).body("status", equalTo("cancel_requested"));
        for (RunCalls insider : List.of(alice, RunCalls.admin(org, "root"), RunCalls.service(org))) {
            insider.get(runId)
                    .statusCode(200)
                    .body("status", equalTo("completed"))
                    .body("content", equalTo("ok"));
            // a buffered run's stream replays too: its answer, then done
            String stream = insider.stream(runId).statusCode(200).extract().asString();
            assertTrue(stream.contains("\"content\":\"ok\"") && stream.contains("done"), stream);
        }
    }

    @Test
    void twoOrganisationsUseTheSameRunIdWithoutMeetingEachOther() {
        String runId = UUID.randomUUID().toString();
        String otherOrg = "other-" + UUID.randomUUID();
        RunCalls bob = RunCalls.member(otherOrg, "bob");
        AgentServiceStub.Agent othersAgent = stubs.agentService().addAgent(otherOrg, "theirs", null, "gpt-5-mini");

        // the other org cancels the id first: that neither takes the id nor stops this org's run
        bob.cancel(runId).statusCode(202);
        fake.always(FakeOpenAi.text(List.of("answered"), 3, 1));
        String mine = run(alice, runId, "mine")
                .statusCode(200)
                .body("runId", equalTo(runId))
                .body("status", equalTo("completed"))
                .extract()
                .path("threadId");
        String theirs = bob.run(RunBody.newThread(othersAgent, "theirs").with("runId", runId))
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .extract()
                .path("threadId");
        assertTrue(!mine.equals(theirs));
        alice.get(runId).statusCode(200).body("threadId", equalTo(mine)).body("status", equalTo("completed"));
        bob.get(runId).statusCode(200).body("threadId", equalTo(theirs)).body("status", equalTo("cancelled"));
        // within one org the id is taken
        run(alice, runId, "again").statusCode(409).body("error.field", equalTo("runId"));
    }

    @Test
    void aBufferedRunCancelledBeforeItStartsNeverAsksTheModel() {
        String runId = UUID.randomUUID().toString();
        alice.cancel(runId).statusCode(202).body("status", equalTo("cancel_requested"));
        run(alice, runId, "never mind")
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("content", equalTo(""));
        assertEquals(0, fake.requests().size());
        assertEquals(0L, pendingCancels(runId), "the run used its cancel up");
    }

    @Test
    void aBufferedRunCancelledMidAnswerAnswersWithWhatItHadSoFar() {
        Gate gate = new Gate().let(1 + 2); // the role chunk and two words, then the answer is held
        fake.enqueue(FakeOpenAi.text(Collections.nCopies(50, "word "), 10, 50).heldBy(gate));
        String runId = UUID.randomUUID().toString();
        CompletableFuture<ValidatableResponse> buffered =
                CompletableFuture.supplyAsync(() -> run(alice, runId, "talk for a while"));
        await().atMost(Duration.ofSeconds(10)).until(gate::holding);
        alice.cancel(runId).statusCode(200).body("status", equalTo("cancelled"));
        buffered.join()
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("content", not(equalTo("word ".repeat(50))));
    }

    @Test
    void cancelsOfRunIdsNoRunTookExpire() {
        String runId = UUID.randomUUID().toString();
        alice.cancel(runId).statusCode(202);
        assertEquals(1L, pendingCancels(runId));
        // the default retention is an hour: a minute short of it the cancel stays, a minute past it it goes
        cancellations.sweep(Instant.now().plus(Duration.ofMinutes(59))).await().indefinitely();
        assertEquals(1L, pendingCancels(runId));
        cancellations.sweep(Instant.now().plus(Duration.ofMinutes(61))).await().indefinitely();
        assertEquals(0L, pendingCancels(runId));
    }

    private long pendingCancels(String runId) {
        return pool.preparedQuery("select count(*) from run_cancellations where org_id = $1 and run_id = $2")
                .execute(Tuple.of(org, UUID.fromString(runId)))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
