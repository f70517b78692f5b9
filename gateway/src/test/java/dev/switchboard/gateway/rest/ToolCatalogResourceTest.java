package dev.switchboard.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/tools}: run-service's catalog of built-ins and the operator's stdio MCP servers, by name. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class ToolCatalogResourceTest {

    ServiceStubs stubs;

    final Api api = new Api();

    @Test
    void listsTheToolsAnAgentMayNameAsItNamesThem() {
        api.request()
                .get("/api/v1/tools")
                .then()
                .statusCode(200)
                .body("tools.type", equalTo(List.of("builtin", "builtin", "mcp")))
                .body("tools[0].name", equalTo("calculator"))
                .body("tools[0]", not(hasKey("server")))
                .body("tools[2].server", equalTo("everything"))
                .body("tools[2]", not(hasKey("name")));
        assertEquals("/internal/tools", stubs.runService().last().pathAndQuery());
    }

    @Test
    void needsAToken() {
        given().get("/api/v1/tools").then().statusCode(401).body("error.code", equalTo("unauthenticated"));
    }
}
