package dev.switchboard.agent.rest;

import static dev.switchboard.agent.rest.AgentApi.create;
import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's tools: set on create and update, read back whole (internal callers see header values). */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class AgentToolsTest {

    static final Map<String, Object> CALCULATOR = Map.of("type", "builtin", "name", "calculator");
    static final Map<String, Object> HTTP_SERVER = Map.of(
            "type", "mcp", "url", "https://mcp.example.com/mcp", "headers", Map.of("Authorization", "Bearer secret-1"));
    static final Map<String, Object> OPERATOR_SERVER = Map.of("type", "mcp", "server", "everything");

    @Test
    void toolsAreStoredAndReadBack() {
        String org = newOrg();
        List<Map<String, Object>> tools = List.of(CALCULATOR, HTTP_SERVER, OPERATOR_SERVER);
        JsonPath created = create(org, agent(tools)).statusCode(201).extract().jsonPath();
        assertEquals(tools, created.getList("tools"));

        JsonPath read = as(org).get("/internal/agents/" + created.getLong("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(tools, read.getList("tools"));
        assertEquals(
                tools,
                as(org).get("/internal/agents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("agents[0].tools"));
    }

    @Test
    void anAgentWithoutToolsHasAnEmptyList() {
        String org = newOrg();
        create(org, Map.of("name", "n", "model", "m")).statusCode(201).body("tools", empty());
    }

    @Test
    void patchReplacesToolsAndLeavesThemWhenAbsent() {
        String org = newOrg();
        long id = create(org, agent(List.of(CALCULATOR)))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String path = "/internal/agents/" + id;

        as(org).body(Map.of("name", "Renamed"))
                .patch(path)
                .then()
                .statusCode(200)
                .body("tools", equalTo(List.of(CALCULATOR)));
        List<Map<String, Object>> replaced = List.of(Map.of("type", "builtin", "name", "current_time"), HTTP_SERVER);
        as(org).body(Map.of("tools", replaced))
                .patch(path)
                .then()
                .statusCode(200)
                .body("tools", equalTo(replaced));
        as(org).get(path).then().statusCode(200).body("tools", equalTo(replaced));
        as(org).body(Map.of("tools", List.of()))
                .patch(path)
                .then()
                .statusCode(200)
                .body("tools", empty());
    }

    @Test
    void maskedValuesSentBackKeepTheStoredOnes() {
        String org = newOrg();
        long id = create(org, agent(List.of(CALCULATOR, HTTP_SERVER, OPERATOR_SERVER)))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String path = "/internal/agents/" + id;
        Map<String, Object> maskedHttp = Map.of(
                "type",
                "mcp",
                "url",
                "https://mcp.example.com/mcp",
                "headers",
                Map.of("Authorization", "***", "X-Extra", "new"));
        as(org).body(Map.of("tools", List.of(OPERATOR_SERVER, maskedHttp)))
                .patch(path)
                .then()
                .statusCode(200)
                .body("tools[0].server", equalTo("everything"))
                .body("tools[1].headers.Authorization", equalTo("Bearer secret-1"))
                .body("tools[1].headers.X-Extra", equalTo("new"));

        Map<String, Object> otherServer = Map.of(
                "type", "mcp", "url", "https://other.example.com/mcp", "headers", Map.of("Authorization", "***"));
        assertError(
                as(org).body(Map.of("tools", List.of(CALCULATOR, otherServer)))
                        .patch(path)
                        .then(),
                400,
                "invalid_argument",
                "tools[1].headers.Authorization");
        assertError(
                create(org, agent(List.of(otherServer))), 400, "invalid_argument", "tools[0].headers.Authorization");
    }

    @Test
    void everyInvalidToolIs400NamingTheField() {
        String org = newOrg();
        Map<Object, String> cases = new HashMap<>();
        cases.put("calculator", "tools");
        cases.put(List.of("calculator"), "tools[0]");
        cases.put(List.of(Map.of("name", "calculator")), "tools[0].type");
        cases.put(List.of(Map.of("type", "plugin", "name", "calculator")), "tools[0].type");
        cases.put(List.of(Map.of("type", 1, "name", "calculator")), "tools[0].type");
        cases.put(List.of(Map.of("type", "builtin")), "tools[0].name");
        cases.put(List.of(CALCULATOR, Map.of("type", "builtin", "name", "shell")), "tools[1].name");
        cases.put(List.of(CALCULATOR, CALCULATOR), "tools[1].name");
        cases.put(List.of(Map.of("type", "builtin", "name", "calculator", "url", "https://x")), "tools[0].url");
        cases.put(List.of(CALCULATOR, Map.of("type", "mcp")), "tools[1].url");
        cases.put(List.of(CALCULATOR, Map.of("type", "mcp", "url", "ftp://host/x")), "tools[1].url");
        cases.put(List.of(Map.of("type", "mcp", "url", "not a url")), "tools[0].url");
        cases.put(List.of(Map.of("type", "mcp", "url", "https://h/" + "x".repeat(2048))), "tools[0].url");
        cases.put(List.of(Map.of("type", "mcp", "url", "https://h/", "server", "everything")), "tools[0].server");
        cases.put(List.of(Map.of("type", "mcp", "url", "https://h/", "args", List.of("a"))), "tools[0].args");
        cases.put(List.of(Map.of("type", "mcp", "url", "https://h/", "headers", List.of("a"))), "tools[0].headers");
        cases.put(
                List.of(Map.of("type", "mcp", "url", "https://h/", "headers", Map.of("Bad Name", "v"))),
                "tools[0].headers.Bad Name");
        cases.put(
                List.of(Map.of("type", "mcp", "url", "https://h/", "headers", Map.of("X-A", "a\r\nb"))),
                "tools[0].headers.X-A");
        cases.put(
                List.of(Map.of("type", "mcp", "url", "https://h/", "headers", Map.of("X-A", 5))),
                "tools[0].headers.X-A");
        cases.put(List.of(Map.of("type", "mcp", "server", "Everything")), "tools[0].server");
        cases.put(List.of(Map.of("type", "mcp", "server", "my server")), "tools[0].server");
        cases.put(List.of(Map.of("type", "mcp", "server", "x".repeat(64))), "tools[0].server");
        cases.put(List.of(Map.of("type", "mcp", "server", 5)), "tools[0].server");
        cases.put(
                List.of(Map.of("type", "mcp", "server", "everything", "headers", Map.of("A", "b"))),
                "tools[0].headers");
        // an agent no longer chooses what runs on run-service's host
        cases.put(List.of(Map.of("type", "mcp", "command", "npx")), "tools[0].command");
        cases.put(List.of(Map.of("type", "mcp", "server", "everything", "args", List.of("-y"))), "tools[0].args");
        cases.put(List.of(Map.of("type", "mcp", "server", "everything", "env", Map.of("A", "b"))), "tools[0].env");
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(Map.of("type", "mcp", "url", "https://h" + i + ".example/"));
        }
        cases.put(tooMany, "tools");
        cases.forEach((tools, field) -> assertError(create(org, agent(tools)), 400, "invalid_argument", field));

        long id = create(org, agent(List.of(CALCULATOR)))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        assertError(
                as(org).body(Map.of("tools", List.of(Map.of("type", "mcp"))))
                        .patch("/internal/agents/" + id)
                        .then(),
                400,
                "invalid_argument",
                "tools[0].url");
        as(org).get("/internal/agents/" + id).then().body("tools", equalTo(List.of(CALCULATOR)));
        assertEquals(20, tooMany.subList(1, 21).size());
        create(org, agent(tooMany.subList(1, 21))).statusCode(201);
    }

    @Test
    void aCommandIsRefusedPointingAtTheOperatorsServers() {
        as(newOrg())
                .body(agent(List.of(Map.of("type", "mcp", "command", "npx", "args", List.of("-y", "x")))))
                .post("/internal/agents")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("tools[0].command"))
                .body("error.message", containsString("pick one by name with \"server\""));
    }

    private static Map<String, Object> agent(Object tools) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Tooled", "model", "gpt-5-mini"));
        body.put("tools", tools);
        return body;
    }
}
