package dev.switchboard.agent.rest;

import dev.switchboard.local.testing.Api;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** The agent-service calls the tests make, through its internal API as the gateway calls it (as {@code user-1}). */
public final class AgentApi {

    private AgentApi() {}

    /** A POST of {@code body}: a map, or JSON text as it is written (which the API may refuse). */
    public static ValidatableResponse create(String org, Object body) {
        return Api.as(org).body(body).when().post("/internal/agents").then();
    }

    public static ValidatableResponse createAgent(String org, String handle) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Agent " + handle, "model", "gpt-5-mini"));
        if (handle != null) {
            body.put("handle", handle);
        }
        return create(org, body).statusCode(201);
    }

    /** The agent {@code ref} (numeric id, UUID or handle). */
    public static ValidatableResponse get(String org, Object ref) {
        return Api.as(org).get("/internal/agents/" + ref).then();
    }

    public static ValidatableResponse patch(String org, Object ref, Object body) {
        return Api.as(org).body(body).patch("/internal/agents/" + ref).then();
    }
}
