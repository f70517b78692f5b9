package dev.switchboard.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.stub.RunServiceStub;
import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/models}: run-service's catalog, each canonical model with its provider. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class ModelResourceTest {

    ServiceStubs stubs;

    final Api api = new Api();

    @Test
    void listsEveryCanonicalModelWithItsProvider() {
        api.request()
                .get("/api/v1/models")
                .then()
                .statusCode(200)
                .body("models.id", equalTo(RunServiceStub.MODELS))
                .body("models[0].provider", equalTo("anthropic"))
                .body("models[4].id", equalTo("gpt-5-mini"))
                .body("models[4].provider", equalTo("offline"))
                .body("models[0]", not(hasKey("providerModel")));
        assertEquals("GET", stubs.runService().last().method());
        assertTrue(stubs.runService().last().pathAndQuery().startsWith("/internal/models"));
    }

    @Test
    void needsAuthentication() {
        given().get("/api/v1/models").then().statusCode(401).body("error.code", equalTo("unauthenticated"));
    }

    @Test
    void runServiceDownIs503() {
        stubs.runService().stop();
        try {
            api.request().get("/api/v1/models").then().statusCode(503).body("error.code", equalTo("unavailable"));
        } finally {
            stubs.runService().start();
        }
    }
}
