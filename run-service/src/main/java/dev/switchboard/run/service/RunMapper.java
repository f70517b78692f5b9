package dev.switchboard.run.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.run.Run;
import dev.switchboard.run.rest.RunView;
import java.io.IOException;

/** Entity to API record; the entity never leaves the service layer. */
final class RunMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunMapper() {}

    /** The stored tool calls (written by this service, so readable), or an empty list. */
    private static JsonNode steps(String toolCalls) {
        try {
            return toolCalls == null ? JSON.createArrayNode() : JSON.readTree(toolCalls);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable tool calls of a run", e);
        }
    }

    static RunView toView(Run run) {
        return new RunView(
                run.id,
                run.threadId,
                run.status.value(),
                run.output,
                run.model,
                run.provider,
                new RunView.AgentRef(run.agentNumericId, run.agentId, run.agentName, run.agentHandle),
                new RunView.Usage(
                        run.inputTokens == null ? 0 : run.inputTokens, run.outputTokens == null ? 0 : run.outputTokens),
                run.createdAt,
                run.startedAt,
                run.completedAt,
                run.error,
                steps(run.toolCalls),
                run.errorCode);
    }
}
