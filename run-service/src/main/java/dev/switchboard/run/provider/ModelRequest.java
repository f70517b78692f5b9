package dev.switchboard.run.provider;

import java.util.List;

/**
 * What a provider is asked: the model under the provider's own name, the agent's name (a label; the offline
 * provider quotes it) and system instructions, the conversation (oldest first, usually ending with the user's
 * turn) and the tools the model may call.
 */
public record ModelRequest(
        String providerModel, String agentName, String instructions, List<ChatTurn> turns, List<ToolSpec> tools) {

    public ModelRequest {
        turns = turns == null ? List.of() : List.copyOf(turns);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** The text of the newest user turn, or "" when there is none. */
    public String lastUserText() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i) instanceof ChatTurn.User user) {
                return user.text();
            }
        }
        return "";
    }
}
