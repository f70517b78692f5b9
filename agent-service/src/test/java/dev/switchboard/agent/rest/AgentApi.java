package dev.switchboard.agent.rest;

import dev.switchboard.local.testing.Api;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** The agent-service calls the tests make, through its internal API as the gateway calls it. */
final class AgentApi {

    private AgentApi() {}

    static ValidatableResponse create(String org, Map<String, Object> body) {
        return Api.as(org).body(body).when().post("/internal/agents").then();
    }

    static ValidatableResponse createAgent(String org, String handle) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Agent " + handle, "model", "gpt-5-mini"));
        if (handle != null) {
            body.put("handle", handle);
        }
        return create(org, body).statusCode(201);
    }
}
