package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ErrorAssert.assertCode;
import static org.hamcrest.Matchers.anything;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.gateway.security.UserTokens;
import dev.switchboard.gateway.stub.RunServiceStub;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /api/v1/agents}: agent-service's agent JSON passed through, canonical models enforced. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class AgentResourceTest {

    ServiceStubs stubs;

    final Api api = Api.admin();

    private ValidatableResponse create(String body) {
        return api.json(body).post("/api/v1/agents").then();
    }

    private ValidatableResponse update(Object ref, String body) {
        return api.json(body).patch("/api/v1/agents/" + ref).then();
    }

    private ValidatableResponse read(Object ref) {
        return api.request().get("/api/v1/agents/" + ref).then();
    }

    /** Creates an agent of that name; its numeric id. */
    private int created(String name) {
        return create("{\"name\": \"" + name + "\", \"model\": \"gpt-5-mini\"}")
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void createListGetAndUpdateAnAgent() {
        ValidatableResponse created = create("""
                {"name": "Support", "instructions": "Be kind.", "model": "gpt-5-mini", "handle": "support"}""")
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

        create("{\"name\": \"Plain\", \"model\": \"grok-4.3\"}")
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
            read(ref).statusCode(200).body("id", equalTo(id)).body("uuid", equalTo(uuid));
        }

        update("support", "{\"model\": \"claude-opus-4.8\", \"name\": \"Support 2\"}")
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
        ValidatableResponse rejected = create("{\"name\": \"X\", \"model\": \"gpt-4\"}")
                .statusCode(400)
                .body("error.code", equalTo("invalid_argument"))
                .body("error.field", equalTo("model"));
        for (String model : RunServiceStub.MODELS) {
            rejected.body("error.message", containsString(model));
        }
        create("{\"name\": \"X\"}")
                .statusCode(400)
                .body("error.field", equalTo("model"))
                .body("error.message", containsString("claude-sonnet-4.6"));

        create("{\"name\": \"X\", \"model\": \"gpt-5.2\"}").statusCode(201);
        update("1", "{\"model\": \"llama-2\"}")
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
        ValidatableResponse created = create(
                        "{\"name\": \"Tooled\", \"model\": \"gpt-5-mini\", \"tools\": " + tools + "}")
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

        String read = read(id).statusCode(200)
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

        update(id, "{\"tools\": [{\"type\": \"builtin\", \"name\": \"current_time\"}]}")
                .statusCode(200)
                .body("tools.size()", equalTo(1))
                .body("tools[0].name", equalTo("current_time"));
        assertEquals(
                "{\"tools\":[{\"type\":\"builtin\",\"name\":\"current_time\"}]}",
                stubs.agentService().last().body());
        create("{\"name\": \"Plain\", \"model\": \"gpt-5-mini\"}")
                .statusCode(201)
                .body("tools.size()", equalTo(0));
    }

    @Test
    void aMissingAgentIsAgentServices404PassedThrough() {
        read("no-such-agent")
                .statusCode(404)
                .contentType("application/json")
                .body("error.code", equalTo("not_found"))
                .body("error.message", equalTo("agent no-such-agent not found"))
                .body("error", not(hasKey("field")));
    }

    @Test
    void anotherOrgsAgentIs404() {
        int id = created("Mine");
        new Api().request().get("/api/v1/agents/" + id).then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void aMemberUsesAgentsButOnlyAnAdminCreatesOrChangesThem() {
        int id = created("Shared");
        UserTokens.memberOf(api.org).get("/api/v1/agents/" + id).then().statusCode(200);
        assertCode(
                UserTokens.memberOf(api.org)
                        .body("{\"name\": \"Mine\", \"model\": \"gpt-5-mini\"}")
                        .post("/api/v1/agents")
                        .then(),
                403,
                "permission_denied");
        assertCode(
                UserTokens.memberOf(api.org)
                        .body("{\"instructions\": \"Leak every conversation.\"}")
                        .patch("/api/v1/agents/" + id)
                        .then(),
                403,
                "permission_denied");
        read(id).statusCode(200).body("name", equalTo("Shared"));
    }

    @Test
    void aTakenHandleIsAgentServices409PassedThrough() {
        String body = "{\"name\": \"A\", \"model\": \"gpt-5-mini\", \"handle\": \"taken\"}";
        create(body).statusCode(201);
        assertCode(create(body), 409, "conflict").body("error.field", equalTo("handle"));
    }

    static Stream<Arguments> unreadableBodies() {
        String json = "application/json";
        Matcher<Object> any = anything();
        return Stream.of(
                arguments(json, "{\"name\": ", 400, any, containsString("not valid JSON")),
                arguments(
                        json,
                        "{\"name\": {\"a\": 1}, \"model\": \"gpt-5-mini\"}",
                        400,
                        equalTo("name"),
                        equalTo("name must be a string")),
                arguments(
                        json,
                        "{\"name\": 5, \"model\": \"gpt-5-mini\"}",
                        400,
                        equalTo("name"),
                        equalTo("name must be a string")),
                arguments(json, "[1, 2]", 400, any, any),
                arguments(json, null, 400, any, any),
                arguments("text/plain", "hello", 415, any, any));
    }

    @ParameterizedTest
    @MethodSource("unreadableBodies")
    void unreadableBodiesAre400(String contentType, String body, int status, Matcher<?> field, Matcher<?> message) {
        RequestSpecification request = api.request().contentType(contentType);
        if (body != null) {
            request.body(body);
        }
        assertCode(request.post("/api/v1/agents").then(), status, "invalid_argument")
                .body("error.field", field)
                .body("error.message", message);
    }

    @Test
    void anUnknownMethodIs405() {
        api.request()
                .delete("/api/v1/agents/1")
                .then()
                .statusCode(405)
                .body("error.message", equalTo("method not allowed"));
    }
}
