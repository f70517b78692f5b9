package dev.switchboard.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * {@code nosniff} on every answer, {@code no-store} on {@code /api} answers (the SSE streams keep their
 * {@code no-cache}: deploy/local/e2e StreamingEndToEndTest checks them on the real stack).
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class ResponseHeadersTest {

    final Api api = new Api();

    @Test
    void anApiAnswerIsNotSniffedNorStored() {
        api.request()
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
        api.json("{\"name\": \"\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void refusalsAndUnknownRoutesGetThemToo() {
        given().get("/api/v1/agents")
                .then()
                .statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
        api.request()
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
        given().get("/elsewhere")
                .then()
                .statusCode(404)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", nullValue());
    }

    @Test
    void onlyApiPathsAreApi() {
        assertTrue(ResponseHeaders.isApi("/api"));
        assertTrue(ResponseHeaders.isApi("/api/v1/agents"));
        assertFalse(ResponseHeaders.isApi("/apis"));
        assertFalse(ResponseHeaders.isApi("/q/health"));
    }
}
