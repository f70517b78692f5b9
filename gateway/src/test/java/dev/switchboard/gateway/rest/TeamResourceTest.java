package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ErrorAssert.assertError;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.repository.StoredTeamRepository;
import dev.switchboard.gateway.security.UserTokens;
import dev.switchboard.gateway.service.TeamHandover;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/teams} and seed 003's {@code /api/teams/{id}/chat}: the gateway authenticates, lets admins
 * write, checks the summariser model and routes (teams to agent-service, chats to run-service); team JSON is
 * snake_case. Teams the gateway's database still holds are handed over to agent-service.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class TeamResourceTest {

    ServiceStubs stubs;

    @Inject
    Pool pool;

    @Inject
    TeamHandover handover;

    @Inject
    StoredTeamRepository stored;

    final Api admin = Api.admin();

    private ValidatableResponse createTeam(String body) {
        return admin.json(body).post("/api/v1/teams").then();
    }

    private ValidatableResponse chat(Api caller, Object teamId, String body) {
        return caller.json(body).post("/api/teams/" + teamId + "/chat").then();
    }

    @Test
    void anAdminManagesTeamsOfAgentsNamedByAnyIdTheApiReturns() {
        StubWorld.Agent first = stubs.world().addAgent(admin.org, "first", "First", "gpt-5-mini");
        StubWorld.Agent second = stubs.world().addAgent(admin.org, null, "Second", "gpt-5-mini");
        // the numeric id as GET /api/v1/agents returns it (a JSON number), as a string, and a handle
        ValidatableResponse created = createTeam("{\"name\": \"Founders\", \"agent_ids\": [" + second.id() + ", \""
                        + first.id() + "\", \"first\"], \"summarizer_model\": \"gpt-5-mini\"}")
                .statusCode(201)
                .body("name", equalTo("Founders"))
                .body(
                        "agent_ids",
                        equalTo(List.of(
                                second.uuid().toString(),
                                first.uuid().toString(),
                                first.uuid().toString())))
                .body("summarizer_model", equalTo("gpt-5-mini"))
                .body("created_at", matchesPattern(Api.TIME))
                .body("updated_at", matchesPattern(Api.TIME));
        assertEquals(
                "{\"name\":\"Founders\",\"agentIds\":[" + second.id() + ",\"" + first.id()
                        + "\",\"first\"],\"summarizerModel\":\"gpt-5-mini\"}",
                stubs.agentService().last().body());
        String id = created.extract().path("id");

        Api other = new Api();
        admin.request().get("/api/v1/teams/" + id).then().statusCode(200).body("name", equalTo("Founders"));
        admin.request().get("/api/v1/teams").then().statusCode(200).body("teams.id", equalTo(List.of(id)));
        other.request().get("/api/v1/teams").then().statusCode(200).body("teams.size()", equalTo(0));
        other.request().get("/api/v1/teams/" + id).then().statusCode(404);

        admin.json("{\"name\": \"Board\"}")
                .patch("/api/v1/teams/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Board"))
                .body("agent_ids.size()", equalTo(3));
        admin.request().delete("/api/v1/teams/" + id).then().statusCode(204);
        admin.request().get("/api/v1/teams/" + id).then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void membersReadButOnlyAdminsWriteAndBadInputIsNamedAsTheClientWroteIt() {
        StubWorld.Agent agent = stubs.world().addAgent(admin.org, "solo", "Solo", "gpt-5-mini");
        String id = createTeam("{\"name\": \"t\", \"agent_ids\": [\"solo\"]}")
                .statusCode(201)
                .body("$", hasKey("summarizer_model"))
                .body("summarizer_model", nullValue())
                .extract()
                .path("id");
        int before = stubs.agentService().received().size();
        UserTokens.memberOf(admin.org)
                .body("{\"name\": \"t\", \"agent_ids\": [\"solo\"]}")
                .post("/api/v1/teams")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("permission_denied"));
        UserTokens.memberOf(admin.org)
                .body("{\"name\": \"u\"}")
                .patch("/api/v1/teams/" + id)
                .then()
                .statusCode(403);
        UserTokens.memberOf(admin.org).delete("/api/v1/teams/" + id).then().statusCode(403);
        createTeam("{\"name\": \"t\", \"agent_ids\": [\"solo\"], \"summarizer_model\": \"gpt-4\"}")
                .statusCode(400)
                .body("error.field", equalTo("summarizer_model"));
        admin.request()
                .contentType("application/json")
                .post("/api/v1/teams")
                .then()
                .statusCode(400)
                .body("error.message", equalTo("a JSON request body is required"));
        assertEquals(before, stubs.agentService().received().size(), "refused before agent-service is called");
        UserTokens.memberOf(admin.org)
                .get("/api/v1/teams/" + id)
                .then()
                .statusCode(200)
                .body("agent_ids[0]", equalTo(agent.uuid().toString()));
        // agent-service's field names come back as the public API's
        assertError(
                createTeam("{\"name\": \"t\", \"agent_ids\": [\"solo\", \"nobody\"]}"),
                404,
                "not_found",
                "agent_ids[1]",
                "agent nobody not found");
        assertError(
                createTeam("{\"name\": \"t\", \"agent_ids\": []}"),
                400,
                "invalid_argument",
                "agent_ids",
                "agent_ids must list 1 to 10 agents");
    }

    @Test
    void aTeamChatIsCheckedHereAndOrchestratedByRunService() {
        stubs.world().addAgent(admin.org, "researcher", "Researcher", "gpt-5-mini");
        StubWorld.Agent analyst = stubs.world().addAgent(admin.org, null, "Analyst", "gpt-5-mini");
        String id = createTeam("{\"name\": \"t\", \"agent_ids\": [\"researcher\", " + analyst.id() + "]}")
                .statusCode(201)
                .extract()
                .path("id");
        chat(admin, id, "{\"message\": \"Ideas?\"}")
                .statusCode(200)
                .body("mode", equalTo("brainstorm"))
                .body("responses[0].agent_id", equalTo("researcher"))
                .body("responses[0].agent_name", equalTo("Researcher"))
                .body("responses[0].content", equalTo("echo: Ideas?"))
                .body("responses[1].agent_id", equalTo(String.valueOf(analyst.id())))
                .body("summary", equalTo("summary: Ideas?"));
        assertEquals("POST", stubs.runService().last().method());
        assertEquals(
                "/internal/teams/" + id + "/chat", stubs.runService().last().pathAndQuery());
        assertEquals(
                "{\"message\":\"Ideas?\",\"mode\":\"brainstorm\"}",
                stubs.runService().last().body());
        int runs = stubs.runService().received().size();
        assertError(
                chat(admin, id, "{\"message\": \"hi\", \"mode\": \"debate\"}"),
                400,
                "invalid_argument",
                "mode",
                "mode must be one of: brainstorm, roundtable, route");
        chat(admin, id, "{\"mode\": \"route\"}").statusCode(400).body("error.field", equalTo("message"));
        chat(admin, UUID.randomUUID(), "{\"message\": \"hi\"}").statusCode(404);
        chat(new Api(), id, "{\"message\": \"hi\"}").statusCode(404);
        assertEquals(runs, stubs.runService().received().size(), "nothing refused reaches run-service");
    }

    @Test
    void aTeamTheGatewayStoredIsHandedOverToAgentServiceOnceItCanTakeIt() {
        StubWorld.Agent agent = stubs.world().addAgent(admin.org, null, "Kept", "gpt-5-mini");
        UUID id = UUID.randomUUID();
        // a row as the gateway wrote it before agent-service kept teams
        pool.preparedQuery("insert into teams (id, org_id, name, agent_ids, summarizer_model, created_at, "
                        + "updated_at) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(List.of(
                        id,
                        admin.org,
                        "Old team",
                        new UUID[] {agent.uuid()},
                        "gpt-5-mini",
                        OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 678_000_000, ZoneOffset.UTC),
                        OffsetDateTime.of(2026, 2, 3, 4, 5, 6, 789_000_000, ZoneOffset.UTC))))
                .await()
                .atMost(Duration.ofSeconds(10));
        stubs.agentService().stop();
        boolean down = true;
        Cancellable handing = null;
        try {
            // agent-service cannot be reached: the pass fails (to be tried again) and the row stays
            ApiException refused = assertThrows(
                    ApiException.class, () -> handover.moveAll().await().atMost(Duration.ofSeconds(20)));
            assertEquals(503, refused.status());
            assertTrue(
                    stored.all().await().atMost(Duration.ofSeconds(5)).stream().anyMatch(t -> t.id().equals(id)));
            handing = handover.handOver().subscribe().with(moved -> {}, failure -> {});
            stubs.agentService().start();
            down = false;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stored.all().await().atMost(Duration.ofSeconds(5)).stream()
                            .noneMatch(team -> team.id().equals(id)));
        } finally {
            if (handing != null) {
                handing.cancel();
            }
            if (down) {
                stubs.agentService().start();
            }
        }
        admin.request()
                .get("/api/v1/teams/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("name", equalTo("Old team"))
                .body("agent_ids", equalTo(List.of(agent.uuid().toString())))
                .body("summarizer_model", equalTo("gpt-5-mini"))
                .body("created_at", equalTo("2026-01-02T03:04:05.678Z"))
                .body("updated_at", equalTo("2026-02-03T04:05:06.789Z"));
        // the import was made in a token of the team's org, as a service caller
        assertTrue(stubs.agentService().received().stream()
                .anyMatch(r -> r.method().equals("PUT") && r.pathAndQuery().equals("/internal/teams/" + id)));
        assertEquals(0, handover.moveAll().await().atMost(Duration.ofSeconds(10)));
    }
}
