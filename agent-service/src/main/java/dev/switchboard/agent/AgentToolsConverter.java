package dev.switchboard.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Stores an agent's tools as JSON text in the {@code tools} jsonb column (the entity casts it both ways:
 * Hibernate Reactive binds only JSON objects, not arrays, to a json type).
 */
@Converter
public class AgentToolsConverter implements AttributeConverter<List<AgentTool>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<AgentTool>> TOOLS = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(List<AgentTool> tools) {
        try {
            return JSON.writeValueAsString(tools == null ? List.of() : tools);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent tools cannot be written as JSON", e);
        }
    }

    @Override
    public List<AgentTool> convertToEntityAttribute(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, TOOLS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored agent tools are not valid JSON", e);
        }
    }
}
