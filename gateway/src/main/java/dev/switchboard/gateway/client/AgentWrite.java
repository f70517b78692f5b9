package dev.switchboard.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of agent-service's create and update; absent (null) fields are not sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentWrite(String name, String instructions, String model, String handle) {
}
