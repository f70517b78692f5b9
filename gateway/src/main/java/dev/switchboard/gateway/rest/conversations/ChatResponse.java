package dev.switchboard.gateway.rest.conversations;

import dev.switchboard.gateway.client.run.RunView;

/** Seed 000's chat answer: the final assistant text, the thread to continue, and the run id. */
public record ChatResponse(String content, String threadId, String runId) {

    static ChatResponse from(RunView run) {
        return new ChatResponse(run.content(), run.threadId(), run.runId());
    }
}
