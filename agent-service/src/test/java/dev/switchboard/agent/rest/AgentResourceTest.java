package dev.switchboard.agent.rest;

import static dev.switchboard.agent.rest.AgentApi.create;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class AgentResourceTest {

    @Test
    void createsAnAgentAndReadsItBackByEveryRef() {
        String org = newOrg();
        JsonPath created = create(
                        org,
                        Map.of(
                                "name",
                                "Support Bot",
                                "instructions",
                                "Be kind.",
                                "model",
                                "gpt-5-mini",
                                "handle",
                                "support-bot"))
                .statusCode(201)
                .header("Location", matchesPattern(".*/internal/agents/\\d+"))
                .body("name", equalTo("Support Bot"))
                .body("instructions", equalTo("Be kind."))
                .body("model", equalTo("gpt-5-mini"))
                .body("handle", equalTo("support-bot"))
                .body("uuid", matchesPattern("[0-9a-f-]{36}"))
                .body("createdAt", matchesPattern(TIME))
                .extract()
                .jsonPath();

        assertEquals(created.getString("createdAt"), created.getString("updatedAt"));
        Map<String, Object> agent = created.getMap("");
        for (String ref : List.of(
                String.valueOf(created.getLong("id")),
                created.getString("uuid"),
                created.getString("uuid").toUpperCase(),
                "support-bot")) {
            Map<String, Object> read = as(org).get("/internal/agents/" + ref)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("");
            assertEquals(agent, read, "read back by " + ref);
        }
    }

    @Test
    void optionalFieldsDefault() {
        String org = newOrg();
        createAgent(org, null)
                .body("handle", nullValue())
                .body("instructions", equalTo(""))
                .body("$", hasKey("handle"));
    }

    @Test
    void listsOnlyTheCallersAgentsInIdOrder() {
        String org = newOrg();
        String other = newOrg();
        long first = createAgent(org, "first").extract().jsonPath().getLong("id");
        long foreign = createAgent(other, "first").extract().jsonPath().getLong("id");
        long second = createAgent(org, null).extract().jsonPath().getLong("id");

        List<Long> ids = as(org).get("/internal/agents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("agents.id", Long.class);
        assertEquals(List.of(first, second), ids);
        assertEquals(
                List.of(foreign),
                as(other)
                        .get("/internal/agents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("agents.id", Long.class));
        assertEquals(
                List.of(),
                as(newOrg())
                        .get("/internal/agents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("agents"));
    }

    @Test
    void anotherOrgsAgentIsNotFoundByEveryRef() {
        String owner = newOrg();
        String stranger = newOrg();
        JsonPath agent = createAgent(owner, "private-bot").extract().jsonPath();

        for (String ref : List.of(String.valueOf(agent.getLong("id")), agent.getString("uuid"), "private-bot")) {
            assertError(as(stranger).get("/internal/agents/" + ref).then(), 404, "not_found", null);
            assertError(
                    as(stranger)
                            .body(Map.of("name", "stolen"))
                            .patch("/internal/agents/" + ref)
                            .then(),
                    404,
                    "not_found",
                    null);
        }
        as(owner).get("/internal/agents/private-bot").then().statusCode(200).body("name", equalTo("Agent private-bot"));
    }

    @Test
    void unknownRefsAreNotFound() {
        String org = newOrg();
        for (String ref : List.of(
                "999999999", "00000000-0000-0000-0000-000000000000", "nobody", "Not_A_Ref", "99999999999999999999")) {
            assertError(as(org).get("/internal/agents/" + ref).then(), 404, "not_found", null);
        }
    }

    @Test
    void patchUpdatesOnlyTheGivenFields() {
        String org = newOrg();
        JsonPath before = createAgent(org, "patch-me").extract().jsonPath();
        String id = String.valueOf(before.getLong("id"));

        JsonPath after = as(org).body(Map.of("name", "Renamed", "model", "claude-sonnet-4", "handle", "patched"))
                .patch("/internal/agents/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("model", equalTo("claude-sonnet-4"))
                .body("handle", equalTo("patched"))
                .body("instructions", equalTo(before.getString("instructions")))
                .body("uuid", equalTo(before.getString("uuid")))
                .body("createdAt", equalTo(before.getString("createdAt")))
                .body("updatedAt", matchesPattern(TIME))
                .extract()
                .jsonPath();
        assertTrue(!Instant.parse(after.getString("updatedAt")).isBefore(Instant.parse(before.getString("createdAt"))));

        as(org).get("/internal/agents/patched").then().statusCode(200).body("name", equalTo("Renamed"));
        assertError(as(org).get("/internal/agents/patch-me").then(), 404, "not_found", null);

        as(org).body(Map.of("instructions", "New rules."))
                .patch("/internal/agents/patched")
                .then()
                .statusCode(200)
                .body("instructions", equalTo("New rules."))
                .body("name", equalTo("Renamed"));
    }

    @Test
    void aHandleIsUniquePerOrg() {
        String org = newOrg();
        createAgent(org, "taken");
        assertError(create(org, Map.of("name", "Second", "model", "m", "handle", "taken")), 409, "conflict", "handle");

        String id =
                String.valueOf(createAgent(org, "other").extract().jsonPath().getLong("id"));
        assertError(
                as(org).body(Map.of("handle", "taken"))
                        .patch("/internal/agents/" + id)
                        .then(),
                409,
                "conflict",
                "handle");
        as(org).body(Map.of("handle", "other"))
                .patch("/internal/agents/" + id)
                .then()
                .statusCode(200);

        createAgent(newOrg(), "taken");
    }

    @Test
    void racingCreatesWithOneHandleGiveOne201AndOtherwise409() throws Exception {
        String org = newOrg();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> create(org, Map.of("name", "Racer", "model", "m", "handle", "racer"))
                        .extract()
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
