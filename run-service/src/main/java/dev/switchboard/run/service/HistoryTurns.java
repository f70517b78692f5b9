package dev.switchboard.run.service;

import dev.switchboard.run.client.MessageView;
import dev.switchboard.run.provider.ChatTurn;
import java.util.ArrayList;
import java.util.List;

/** A thread's stored messages as the model sees them: system messages join the instructions. */
final class HistoryTurns {

    private HistoryTurns() {}

    static List<ChatTurn> of(List<MessageView> history) {
        List<ChatTurn> turns = new ArrayList<>();
        for (MessageView message : history) {
            if ("user".equals(message.role())) {
                turns.add(new ChatTurn.User(message.content()));
            } else if ("assistant".equals(message.role())) {
                turns.add(new ChatTurn.Assistant(message.content()));
            }
        }
        return turns;
    }

    /** The agent's instructions followed by the thread's system messages, one paragraph each. */
    static String instructions(String agentInstructions, List<MessageView> history) {
        StringBuilder instructions = new StringBuilder(agentInstructions == null ? "" : agentInstructions);
        for (MessageView message : history) {
            if ("system".equals(message.role())
                    && message.content() != null
                    && !message.content().isBlank()) {
                if (!instructions.isEmpty()) {
                    instructions.append("\n\n");
                }
                instructions.append(message.content());
            }
        }
        return instructions.toString();
    }
}
