package dev.switchboard.gateway.client.thread;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** thread-service's seed-003 conversations of the caller with one agent. Its 4xx answers pass through. */
@ApplicationScoped
public class ConversationClient {

    private final ConversationRestClient rest;
    private final Downstream downstream;

    public ConversationClient(@RestClient ConversationRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(ThreadClient.SERVICE, config.timeouts().call(), tokens);
    }

    public Uni<ConversationViews.ConversationList> list(UUID agentId, String limit, Caller caller) {
        return downstream.call(caller, auth -> rest.list(agentId, limit, auth));
    }

    public Uni<ThreadView> create(AgentView agent, String title, Caller caller) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agent.uuid());
        body.put("agentNumericId", agent.id());
        body.put("title", title);
        return downstream.call(caller, auth -> rest.create(body, auth));
    }

    public Uni<ThreadView> rename(UUID agentId, String conversationId, String title, Caller caller) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        return downstream.call(caller, auth -> rest.rename(conversationId, agentId, body, auth));
    }

    public Uni<Void> delete(UUID agentId, String conversationId, Caller caller) {
        return downstream.call(caller, auth -> rest.delete(conversationId, agentId, auth));
    }

    public Uni<List<MessageView>> history(UUID agentId, String conversationId, int limit, Caller caller) {
        return downstream
                .call(caller, auth -> rest.history(conversationId, agentId, limit, auth))
                .map(list -> list == null || list.messages() == null ? List.of() : list.messages());
    }

    public Uni<ConversationViews.Inbox> inbox(UUID agentId, Caller caller) {
        return downstream.call(caller, auth -> rest.inbox(agentId, auth));
    }

    public Uni<ConversationViews.Marked> markRead(
            UUID agentId, String conversationId, String messageId, Caller caller) {
        Map<String, Object> body = new HashMap<>();
        body.put("agentId", agentId);
        body.put("conversationId", conversationId);
        body.put("messageId", messageId);
        return downstream.call(caller, auth -> rest.markRead(body, auth));
    }
}
