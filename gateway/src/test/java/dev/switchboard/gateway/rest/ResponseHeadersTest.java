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
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matcher;
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

    private static void assertHeaders(ValidatableResponse response, int status, Matcher<?> cacheControl) {
        response.statusCode(status)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", cacheControl);
    }

    @Test
    void anApiAnswerIsNotSniffedNorStored() {
        assertHeaders(api.request().get("/api/v1/agents").then(), 200, equalTo("no-store"));
        assertHeaders(api.json("{\"name\": \"\"}").post("/api/v1/agents").then(), 400, equalTo("no-store"));
    }

    @Test
    void refusalsAndUnknownRoutesGetThemToo() {
        assertHeaders(given().get("/api/v1/agents").then(), 401, equalTo("no-store"));
        assertHeaders(api.request().get("/api/v1/no-such-thing").then(), 404, equalTo("no-store"));
        assertHeaders(given().get("/elsewhere").then(), 404, nullValue());
    }

    @Test
    void onlyApiPathsAreApi() {
        assertTrue(ResponseHeaders.isApi("/api"));
        assertTrue(ResponseHeaders.isApi("/api/v1/agents"));
        assertFalse(ResponseHeaders.isApi("/apis"));
        assertFalse(ResponseHeaders.isApi("/q/health"));
    }
}
