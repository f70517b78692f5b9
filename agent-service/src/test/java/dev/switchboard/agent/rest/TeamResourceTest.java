package dev.switchboard.agent.rest;

import static dev.switchboard.agent.rest.AgentApi.createAgent;
import static dev.switchboard.local.testing.Api.TIME;
import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The internal team API over real HTTP and PostgreSQL. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class TeamResourceTest {

    @Test
    void createsATeamOfAgentsNamedEveryWayAndManagesIt() {
        String org = newOrg();
        JsonPath first = createAgent(org, "first").extract().jsonPath();
        JsonPath second = createAgent(org, null).extract().jsonPath();
        JsonPath third = createAgent(org, "third").extract().jsonPath();
        // the numeric id as GET /internal/agents shows it (a JSON number), as a string, a UUID and a handle
        List<Object> refs =
                List.of(second.getLong("id"), String.valueOf(first.getLong("id")), third.getString("uuid"), "first");
        JsonPath created = create(org, Map.of("name", "  Founders ", "agentIds", refs))
                .statusCode(201)
                .header("Location", matchesPattern(".*/internal/teams/[0-9a-f-]{36}"))
                .body("name", equalTo("Founders"))
                .body(
                        "agentIds",
                        equalTo(List.of(
                                second.getString("uuid"),
                                first.getString("uuid"),
                                third.getString("uuid"),
                                first.getString("uuid"))))
                .body("$", hasKey("summarizerModel"))
                .body("summarizerModel", nullValue())
                .body("createdAt", matchesPattern(TIME))
                .extract()
                .jsonPath();
        String id = created.getString("id");
        assertEquals(created.getString("createdAt"), created.getString("updatedAt"));
        assertEquals(
                created.getMap(""),
                as(org).get("/internal/teams/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap(""));
        as(org).get("/internal/teams").then().statusCode(200).body("teams.id", equalTo(List.of(id)));

        as(org).body(Map.of("name", "Board", "summarizerModel", "gpt-5-mini"))
                .patch("/internal/teams/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Board"))
                .body("summarizerModel", equalTo("gpt-5-mini"))
                .body("agentIds.size()", equalTo(4))
                .body("createdAt", equalTo(created.getString("createdAt")));
        as(org).body(Map.of("agentIds", List.of("third")))
                .patch("/internal/teams/" + id)
                .then()
                .statusCode(200)
                .body("agentIds", equalTo(List.of(third.getString("uuid"))))
                .body("name", equalTo("Board"));

        // another organisation sees nothing of it
        String other = newOrg();
        refused(as(other).get("/internal/teams/" + id).then(), 404, "not_found", null);
        refused(
                as(other)
                        .body(Map.of("name", "x"))
                        .patch("/internal/teams/" + id)
                        .then(),
                404,
                "not_found",
                null);
        refused(as(other).delete("/internal/teams/" + id).then(), 404, "not_found", null);
        as(other).get("/internal/teams").then().statusCode(200).body("teams.size()", equalTo(0));

        as(org).delete("/internal/teams/" + id).then().statusCode(204);
        refused(as(org).get("/internal/teams/" + id).then(), 404, "not_found", null);
        refused(as(org).get("/internal/teams/not-a-uuid").then(), 404, "not_found", null);
    }

    @Test
    void refusesWhatThePublicApiRefusedNamingTheField() {
        String org = newOrg();
        String agent = createAgent(org, "solo").extract().jsonPath().getString("uuid");
        refused(create(org, Map.of("agentIds", List.of(agent))), 400, "invalid_argument", "name");
        refused(create(org, Map.of("name", " ", "agentIds", List.of(agent))), 400, "invalid_argument", "name");
        refused(
                create(org, Map.of("name", "x".repeat(201), "agentIds", List.of(agent))),
                400,
                "invalid_argument",
                "name");
        refused(create(org, Map.of("name", "t")), 400, "invalid_argument", "agentIds");
        refused(create(org, Map.of("name", "t", "agentIds", List.of())), 400, "invalid_argument", "agentIds")
                .body("error.message", equalTo("agentIds must list 1 to 10 agents"));
        refused(
                create(org, Map.of("name", "t", "agentIds", Collections.nCopies(11, agent))),
                400,
                "invalid_argument",
                "agentIds");
        refused(
                        create(org, Map.of("name", "t", "agentIds", List.of(agent, true))),
                        400,
                        "invalid_argument",
                        "agentIds[1]")
                .body("error.message", equalTo("agentIds[1] must be an agent id, UUID or handle"));
        refused(create(org, Map.of("name", "t", "agentIds", List.of(1.5))), 400, "invalid_argument", "agentIds[0]");
        refused(create(org, Map.of("name", "t", "agentIds", List.of(" "))), 400, "invalid_argument", "agentIds[0]");
        refused(
                create(org, Map.of("name", "t", "agentIds", List.of(Map.of()))),
                400,
                "invalid_argument",
                "agentIds[0]");
        // every entry's shape is checked before any is looked up
        refused(
                create(org, Map.of("name", "t", "agentIds", List.of("nobody", ""))),
                400,
                "invalid_argument",
                "agentIds[1]");
        refused(create(org, Map.of("name", "t", "agentIds", List.of(agent, "nobody"))), 404, "not_found", "agentIds[1]")
                .body("error.message", equalTo("agent nobody not found"));
        refused(create(org, Map.of("name", "t", "agentIds", List.of(999_999_999))), 404, "not_found", "agentIds[0]");
        // another organisation's agent is no member
        refused(create(newOrg(), Map.of("name", "t", "agentIds", List.of(agent))), 404, "not_found", "agentIds[0]");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        String id = create(org, Map.of("name", "t", "agentIds", List.of(agent)))
                .statusCode(201)
                .extract()
                .path("id");
        as(org).body(nullName)
                .patch("/internal/teams/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("t"));
        refused(
                as(org).body(Map.of("name", "")).patch("/internal/teams/" + id).then(),
                400,
                "invalid_argument",
                "name");
        refused(
                as(org).body(Map.of("agentIds", List.of()))
                        .patch("/internal/teams/" + id)
                        .then(),
                400,
                "invalid_argument",
                "agentIds");
        refused(
                as(org).body(Map.of("summarizerModel", ""))
                        .patch("/internal/teams/" + id)
                        .then(),
                400,
                "invalid_argument",
                "summarizerModel");
        refused(as(org).body("{\"name\": 5}").patch("/internal/teams/" + id).then(), 400, "invalid_argument", "name");
    }

    @Test
    void importsATeamKeptElsewhereUnderItsOwnIdAndTimesIdempotently() {
        String org = newOrg();
        String agent = createAgent(org, "kept").extract().jsonPath().getString("uuid");
        String id = UUID.randomUUID().toString();
        Map<String, Object> team = Map.of(
                "name",
                "Old team",
                "agentIds",
                List.of(agent),
                "summarizerModel",
                "gpt-5-mini",
                "createdAt",
                "2026-01-02T03:04:05.678Z",
                "updatedAt",
                "2026-02-03T04:05:06.789Z");
        as(org).body(team)
                .put("/internal/teams/" + id)
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("createdAt", equalTo("2026-01-02T03:04:05.678Z"))
                .body("updatedAt", equalTo("2026-02-03T04:05:06.789Z"));
        // again (a gateway that stopped before it deleted its row): the same team, nothing new
        as(org).body(team).put("/internal/teams/" + id).then().statusCode(200).body("name", equalTo("Old team"));
        as(org).get("/internal/teams/" + id)
                .then()
                .statusCode(200)
                .body("agentIds", equalTo(List.of(agent)))
                .body("summarizerModel", equalTo("gpt-5-mini"))
                .body("createdAt", equalTo("2026-01-02T03:04:05.678Z"));
        as(org).get("/internal/teams").then().body("teams.size()", equalTo(1));
        // an id another organisation's team has is not taken over
        refused(as(newOrg()).body(team).put("/internal/teams/" + id).then(), 409, "conflict", "id");
        refused(
                as(org).body(Map.of("name", "x"))
                        .put("/internal/teams/" + UUID.randomUUID())
                        .then(),
                400,
                "invalid_argument",
                "agentIds");
        refused(as(org).body(team).put("/internal/teams/nope").then(), 400, "invalid_argument", "id");
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String code, String field) {
        assertError(response, status, code, field);
        return response;
    }

    private static ValidatableResponse create(String org, Map<String, Object> body) {
        return as(org).body(body).post("/internal/teams").then();
    }
}
