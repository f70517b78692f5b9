package dev.switchboard.gateway.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Seed 003's chat answer (snake_case): the assistant's text and the agent that answered. */
public record AgentChatResponse(
        String response,
        @JsonProperty("agent_id") String agentId,
        @JsonProperty("agent_name") String agentName) {}
