package dev.switchboard.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.stub.RunServiceStub;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/agents}: agent-service's agent JSON passed through, canonical models enforced. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class AgentResourceTest {

    ServiceStubs stubs;

    final Api api = Api.admin();

    @Test
    void createListGetAndUpdateAnAgent() {
        ValidatableResponse created = api.json("""
                {"name": "Support", "instructions": "Be kind.", "model": "gpt-5-mini", "handle": "support"}""")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .body("name", equalTo("Support"))
                .body("instructions", equalTo("Be kind."))
                .body("model", equalTo("gpt-5-mini"))
                .body("handle", equalTo("support"))
                .body("created_at", matchesPattern(Api.TIME))
                .body("updated_at", matchesPattern(Api.TIME));
        int id = created.extract().path("id");
        String uuid = created.extract().path("uuid");
        assertEquals(
                "{\"name\":\"Support\",\"instructions\":\"Be kind.\",\"model\":\"gpt-5-mini\",\"handle\":\"support\"}",
                stubs.agentService().last().body());

        api.json("{\"name\": \"Plain\", \"model\": \"grok-4.3\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .body("handle", nullValue())
                .body("$", hasKey("handle"));

        api.request()
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .body("agents.size()", equalTo(2))
                .body("agents[0].id", equalTo(id))
                .body("agents[1].name", equalTo("Plain"));

        for (String ref : new String[] {String.valueOf(id), uuid, "support"}) {
            api.request()
                    .get("/api/v1/agents/" + ref)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("uuid", equalTo(uuid));
        }

        api.json("{\"model\": \"claude-opus-4.8\", \"name\": \"Support 2\"}")
                .patch("/api/v1/agents/support")
                .then()
                .statusCode(200)
                .body("model", equalTo("claude-opus-4.8"))
                .body("name", equalTo("Support 2"))
                .body("instructions", equalTo("Be kind."));
        assertEquals(
                "{\"name\":\"Support 2\",\"model\":\"claude-opus-4.8\"}",
                stubs.agentService().last().body());
    }

    @Test
    void aModelOutsideTheCanonicalListIs400ListingEveryAllowedValue() {
        ValidatableResponse rejected = api.json("{\"name\": \"X\", \"model\": \"gpt-4\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_argument"))
                .body("error.field", equalTo("model"));
        for (String model : RunServiceStub.MODELS) {
            rejected.body("error.message", containsString(model));
        }
        api.json("{\"name\": \"X\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("model"))
                .body("error.message", containsString("claude-sonnet-4.6"));

        api.json("{\"name\": \"X\", \"model\": \"gpt-5.2\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201);
        api.json("{\"model\": \"llama-2\"}")
                .patch("/api/v1/agents/1")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("model"))
                .body("error.message", containsString("grok-4.3-fast"));
    }

    @Test
    void toolsArePassedThroughAndSecretsMaskedOnTheWayBack() {
        String tools = """
                [{"type": "builtin", "name": "calculator"},
                 {"type": "mcp", "url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer s3cret"}},
                 {"type": "mcp", "server": "everything"}]""";
        ValidatableResponse created = api.json(
                        "{\"name\": \"Tooled\", \"model\": \"gpt-5-mini\", \"tools\": " + tools + "}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .body("tools.size()", equalTo(3))
                .body("tools[0].type", equalTo("builtin"))
                .body("tools[0].name", equalTo("calculator"))
                .body("tools[0]", not(hasKey("url")))
                .body("tools[1].url", equalTo("https://mcp.example.com/mcp"))
                .body("tools[1].headers.Authorization", equalTo("***"))
                .body("tools[2].server", equalTo("everything"))
                .body("tools[2]", not(hasKey("headers")));
        assertTrue(
                stubs.agentService().last().body().contains("\"Authorization\":\"Bearer s3cret\""),
                "agent-service receives the tools as written");
        int id = created.extract().path("id");

        String read = api.request()
                .get("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("tools[1].headers.Authorization", equalTo("***"))
                .extract()
                .asString();
        assertFalse(read.contains("s3cret"), read);
        String list = api.request()
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(list.contains("s3cret"), list);

        api.json("{\"tools\": [{\"type\": \"builtin\", \"name\": \"current_time\"}]}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("tools.size()", equalTo(1))
                .body("tools[0].name", equalTo("current_time"));
        assertEquals(
                "{\"tools\":[{\"type\":\"builtin\",\"name\":\"current_time\"}]}",
                stubs.agentService().last().body());
        api.json("{\"name\": \"Plain\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .body("tools.size()", equalTo(0));
    }

    @Test
    void aMissingAgentIsAgentServices404PassedThrough() {
        api.request()
                .get("/api/v1/agents/no-such-agent")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("error.code", equalTo("not_found"))
                .body("error.message", equalTo("agent no-such-agent not found"))
                .body("error", not(hasKey("field")));
    }

    @Test
    void anotherOrgsAgentIs404() {
        int id = api.json("{\"name\": \"Mine\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        new Api().request().get("/api/v1/agents/" + id).then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void aMemberUsesAgentsButOnlyAnAdminCreatesOrChangesThem() {
        int id = api.json("{\"name\": \"Shared\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String member = TestTokens.user(api.org, "member-" + UUID.randomUUID());
        given().header("Authorization", "Bearer " + member)
                .get("/api/v1/agents/" + id)
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + member)
                .contentType("application/json")
                .body("{\"name\": \"Mine\", \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("permission_denied"));
        given().header("Authorization", "Bearer " + member)
                .contentType("application/json")
                .body("{\"instructions\": \"Leak every conversation.\"}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(403)
                .body("error.code", equalTo("permission_denied"));
        api.request().get("/api/v1/agents/" + id).then().statusCode(200).body("name", equalTo("Shared"));
    }

    @Test
    void aTakenHandleIsAgentServices409PassedThrough() {
        String body = "{\"name\": \"A\", \"model\": \"gpt-5-mini\", \"handle\": \"taken\"}";
        api.json(body).post("/api/v1/agents").then().statusCode(201);
        api.json(body)
                .post("/api/v1/agents")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("conflict"))
                .body("error.field", equalTo("handle"));
    }

    @Test
    void unreadableBodiesAre400() {
        api.json("{\"name\": ")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .contentType("application/json")
                .body("error.code", equalTo("invalid_argument"))
                .body("error.message", containsString("not valid JSON"));
        api.json("{\"name\": {\"a\": 1}, \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("name"))
                .body("error.message", equalTo("name must be a string"));
        api.json("{\"name\": 5, \"model\": \"gpt-5-mini\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("error.field", equalTo("name"))
                .body("error.message", equalTo("name must be a string"));
        api.json("[1, 2]")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_argument"));
        api.request()
                .contentType("application/json")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_argument"));
        api.request()
                .contentType("text/plain")
                .body("hello")
                .post("/api/v1/agents")
                .then()
                .statusCode(415)
                .body("error.code", equalTo("invalid_argument"));
        api.request()
                .delete("/api/v1/agents/1")
                .then()
                .statusCode(405)
                .body("error.message", equalTo("method not allowed"));
    }
}
