package dev.switchboard.gateway.client.run;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * run-service's team chats, on behalf of a caller: answered once every model call of the chat is done, so the
 * deadline is a run's ({@code switchboard.gateway.timeouts.run}) for each call it makes, as when the gateway made
 * them one by one. Never retried: a second call would run the team again. Its 4xx answers pass through.
 */
@ApplicationScoped
public class TeamChatClient {

    static final String SERVICE = "run-service";

    private final TeamChatRestClient rest;
    private final InternalTokens tokens;
    private final Duration perCall;

    public TeamChatClient(@RestClient TeamChatRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.tokens = tokens;
        this.perCall = config.timeouts().run();
    }

    /** The team's answers to the message; {@code modelCalls}: how many model calls the chat makes. */
    public Uni<TeamChatResult> chat(String teamId, TeamChatRequest chat, int modelCalls, Caller caller) {
        Downstream downstream = new Downstream(SERVICE, perCall.multipliedBy(Math.max(1, modelCalls)), tokens);
        return downstream.call(caller, auth -> rest.chat(teamId, chat, auth));
    }
}
