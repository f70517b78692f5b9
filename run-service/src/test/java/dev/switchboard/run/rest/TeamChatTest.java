package dev.switchboard.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import dev.switchboard.run.stub.AgentServiceStub;
import dev.switchboard.run.stub.ContractStubResource;
import dev.switchboard.run.stub.ContractStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /internal/teams/{id}/chat} through real HTTP, PostgreSQL and Kafka, against stubs of agent- and
 * thread-service and the offline provider: each member's answer is a run of its own on a new thread.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ContractStubResource.class)
class TeamChatTest {

    ContractStubs stubs;

    String org;
    String token;
    AgentServiceStub.Agent researcher;
    AgentServiceStub.Agent analyst;
    AgentServiceStub.Team team;

    @BeforeEach
    void newTeam() {
        org = "org-" + UUID.randomUUID();
        token = TestTokens.internal(org, "user-" + UUID.randomUUID());
        researcher = stubs.agentService().addAgent(org, "Researcher", "researcher", "gpt-5-mini");
        analyst = stubs.agentService().addAgent(org, "Analyst", null, "gpt-5-mini");
        team = stubs.agentService().addTeam(org, "Founders", List.of(researcher.uuid(), analyst.uuid()), null);
    }

    @Test
    void brainstormRunsEveryMemberOnANewThreadAndSummarises() {
        int threads = stubs.threadService().threadCount();
        chat(team.id().toString(), "{\"message\": \"Startup ideas?\"}")
                .statusCode(200)
                .body("mode", equalTo("brainstorm"))
                .body("responses.size()", equalTo(2))
                .body("responses[0].agentId", equalTo("researcher"))
                .body("responses[0].agentName", equalTo("Researcher"))
                .body("responses[0].content", equalTo(offline("Researcher", "Startup ideas?")))
                .body("responses[1].agentId", equalTo(String.valueOf(analyst.id())))
                .body("responses[1].content", equalTo(offline("Analyst", "Startup ideas?")))
                .body("summary", startsWith("[offline] team received: \"Question: Startup ideas?"));
        assertEquals(threads + 2, stubs.threadService().threadCount());
    }

    @Test
    void roundtableShowsEachMemberTheAnswersBeforeIt() {
        chat(team.id().toString(), "{\"message\": \"Plan\", \"mode\": \"roundtable\"}")
                .statusCode(200)
                .body("mode", equalTo("roundtable"))
                .body("responses[0].content", equalTo(offline("Researcher", "Plan")))
                .body("responses[1].content", containsString("What the team said before you:\n- Researcher: "))
                .body("summary", containsString("Analyst: "));
    }

    @Test
    void routeAsksTheSupervisorAndRunsTheOneMemberItNames() {
        AgentServiceStub.Team summarised = stubs.agentService()
                .addTeam(org, "Pair", List.of(analyst.uuid(), researcher.uuid()), "claude-sonnet-4.6");
        // the offline supervisor quotes the member list, so the first member listed is named first
        chat(summarised.id().toString(), "{\"message\": \"Who?\", \"mode\": \"route\"}")
                .statusCode(200)
                .body("mode", equalTo("route"))
                .body("responses.size()", equalTo(1))
                .body("responses[0].agentName", equalTo("Analyst"));
    }

    @Test
    void refusesWhatTheGatewayRefusedBeforeRunningAnything() {
        int threads = stubs.threadService().threadCount();
        refused(chat(team.id().toString(), "{}"), 400, "message");
        refused(chat(team.id().toString(), "{\"message\": \" \"}"), 400, "message");
        refused(chat(team.id().toString(), "{\"message\": \"hi\", \"mode\": \"debate\"}"), 400, "mode")
                .body("error.message", equalTo("mode must be one of: brainstorm, roundtable, route"));
        refused(chat(UUID.randomUUID().toString(), "{\"message\": \"hi\"}"), 404, null);
        refused(chat("no-such-team", "{\"message\": \"hi\"}"), 404, null);
        // another organisation's team is not found
        token = TestTokens.internal("org-" + UUID.randomUUID(), "intruder");
        refused(chat(team.id().toString(), "{\"message\": \"hi\"}"), 404, null);
        assertEquals(threads, stubs.threadService().threadCount());
    }

    @Test
    void aMemberThatIsNoLongerAnAgentIs404() {
        AgentServiceStub.Team gone = stubs.agentService().addTeam(org, "Ghosts", List.of(UUID.randomUUID()), null);
        refused(chat(gone.id().toString(), "{\"message\": \"hi\"}"), 404, null)
                .body("error.message", equalTo("agent not found"));
    }

    private ValidatableResponse chat(String teamId, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/internal/teams/" + teamId + "/chat")
                .then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String field) {
        return response.statusCode(status).body("error.field", equalTo(field));
    }

    private static String offline(String agent, String message) {
        return "[offline] " + agent + " received: \"" + message
                + "\". No model provider is configured, so this is a canned reply.";
    }
}
