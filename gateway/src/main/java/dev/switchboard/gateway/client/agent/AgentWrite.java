package dev.switchboard.gateway.client.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The body of agent-service's create and update; absent (null) fields are not sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentWrite(String name, String instructions, String model, String handle, JsonNode tools) {}
