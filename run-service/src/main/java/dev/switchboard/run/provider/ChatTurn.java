package dev.switchboard.run.provider;

import java.util.List;

/** One turn of the conversation the model sees, oldest first. */
public sealed interface ChatTurn permits ChatTurn.User, ChatTurn.Assistant, ChatTurn.ToolResult {

    /** What a person said. */
    record User(String text) implements ChatTurn {}

    /** What the model answered: text (may be empty) and the tools it asked to call (may be empty). */
    record Assistant(String text, List<ToolCallRequest> toolCalls) implements ChatTurn {

        public Assistant {
            text = text == null ? "" : text;
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }

        public Assistant(String text) {
            this(text, List.of());
        }
    }

    /** The result of one tool call the model asked for, answering the request with that id. */
    record ToolResult(String toolCallId, String toolName, String result) implements ChatTurn {

        @Override
        public String text() {
            return result;
        }
    }

    /** The text of the turn (a tool result's result), for token estimates. */
    String text();
}
