package dev.switchboard.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document live on the management port only, never on the public one. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class ManagementInterfaceTest {

    /** The management root ({@code /q} is its root path, so this is {@code http://host:port/q/}). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL service;

    @Test
    void metricsOpenApiAndHealthAreServedOnTheManagementPort() {
        assertNotEquals(service.getPort(), management.getPort());
        given().get(management + "metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get(management + "openapi").then().statusCode(200).body(containsString("Switchboard public API"));
        given().get(management + "health/live").then().statusCode(200);
        given().get(management + "health/ready").then().statusCode(200);
    }

    @Test
    void theyAre404OnThePublicPortWithoutAToken() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/health", "/q/health/ready"}) {
            given().get(path).then().statusCode(404).body("error.code", equalTo("not_found"));
        }
    }
}
