package dev.switchboard.run.provider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Our request and reply shapes to langchain4j's and back. */
final class LangChainMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LangChainMapping() {}

    static ChatRequest request(ModelRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (request.instructions() != null && !request.instructions().isBlank()) {
            messages.add(SystemMessage.from(request.instructions()));
        }
        for (ChatTurn turn : request.turns()) {
            messages.add(message(turn));
        }
        ChatRequest.Builder chat =
                ChatRequest.builder().modelName(request.providerModel()).messages(messages);
        if (!request.tools().isEmpty()) {
            chat.toolSpecifications(
                    request.tools().stream().map(LangChainMapping::tool).toList());
        }
        return chat.build();
    }

    static ChatMessage message(ChatTurn turn) {
        if (turn instanceof ChatTurn.User user) {
            return UserMessage.from(user.text());
        }
        if (turn instanceof ChatTurn.Assistant assistant) {
            String text = assistant.text().isEmpty() ? null : assistant.text();
            if (assistant.toolCalls().isEmpty()) {
                return AiMessage.from(assistant.text());
            }
            List<ToolExecutionRequest> calls = assistant.toolCalls().stream()
                    .map(call -> ToolExecutionRequest.builder()
                            .id(call.id())
                            .name(call.name())
                            .arguments(call.argumentsJson())
                            .build())
                    .toList();
            return text == null ? AiMessage.from(calls) : AiMessage.from(text, calls);
        }
        ChatTurn.ToolResult result = (ChatTurn.ToolResult) turn;
        return ToolExecutionResultMessage.from(result.toolCallId(), result.toolName(), result.result());
    }

    static ToolSpecification tool(ToolSpec spec) {
        ToolSpecification.Builder tool =
                ToolSpecification.builder().name(spec.name()).description(spec.description());
        JsonNode parameters = spec.parameters();
        if (parameters != null && parameters.isObject() && !parameters.isEmpty()) {
            Map<String, Object> schema = JSON.convertValue(parameters, new TypeReference<Map<String, Object>>() {});
            JsonSchemaElement element = JsonSchemaElementJsonUtils.fromMap(schema);
            if (!(element instanceof JsonObjectSchema object)) {
                throw new IllegalArgumentException(
                        "the parameters of tool " + spec.name() + " are not an object schema");
            }
            tool.parameters(object);
        }
        return tool.build();
    }

    /** The reply; usage the provider did not report is estimated (the input from the request's estimate). */
    static ModelReply reply(ChatResponse response, String streamedText, int inputEstimate) {
        AiMessage message = response.aiMessage();
        String text = message != null && message.text() != null ? message.text() : streamedText;
        List<ToolCallRequest> calls = message == null || !message.hasToolExecutionRequests()
                ? List.of()
                : message.toolExecutionRequests().stream()
                        .map(call -> new ToolCallRequest(call.id(), call.name(), call.arguments()))
                        .toList();
        TokenUsage usage = response.tokenUsage();
        int input = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : inputEstimate;
        int output =
                usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount() : TokenEstimate.of(text);
        return new ModelReply(text, calls, input, output, finishReason(response.finishReason(), calls));
    }

    static String finishReason(FinishReason reason, List<ToolCallRequest> calls) {
        if (reason == null) {
            return calls.isEmpty() ? ModelReply.STOP : ModelReply.TOOL_CALLS;
        }
        return switch (reason) {
            case STOP -> ModelReply.STOP;
            case TOOL_EXECUTION -> ModelReply.TOOL_CALLS;
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
            default -> "other";
        };
    }
}
