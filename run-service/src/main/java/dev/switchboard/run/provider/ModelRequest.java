package dev.switchboard.run.provider;

import java.util.List;

/**
 * What a provider is asked: the agent's name and instructions, the model, the thread's recent history
 * (oldest first, ending with the user's message) and that message itself.
 */
public record ModelRequest(String agentName, String instructions, String model, List<ChatTurn> history,
        String userMessage) {
}
