package dev.switchboard.run.provider;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The built-in provider used when no model provider is configured: a deterministic reply that quotes
 * the user's message, so the platform runs with no network.
 */
@ApplicationScoped
public class OfflineModelProvider implements ModelProvider {

    public static final String NAME = "offline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<ModelReply> complete(ModelRequest request) {
        String content = "[offline] " + request.agentName() + " received: \"" + request.userMessage()
                + "\". No model provider is configured, so this is a canned reply.";
        int input = TokenEstimate.of(request.instructions());
        for (ChatTurn turn : request.history()) {
            input += TokenEstimate.of(turn.content());
        }
        return Uni.createFrom().item(new ModelReply(content, input, TokenEstimate.of(content)));
    }
}
