package dev.switchboard.agent.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /internal/agents}. The model is not checked against a catalog: the gateway does that. */
public record CreateAgentRequest(
        @NotNull(message = "name is required") @Size(min = 1, max = 200, message = "name must be 1 to 200 characters")
        String name,

        @Size(max = 100_000, message = "instructions must be at most 100000 characters")
        String instructions,

        @NotNull(message = "model is required") @Size(min = 1, max = 100, message = "model must be 1 to 100 characters")
        String model,

        @Pattern(regexp = AgentRequests.HANDLE_PATTERN, message = AgentRequests.HANDLE_MESSAGE)
        String handle,

        /** Read and checked by {@link dev.switchboard.agent.tool.AgentToolsReader}, which names the field at fault. */
        JsonNode tools) {}
