package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** thread-service, as the gateway calls it on behalf of a caller. Its 4xx answers pass through. */
@ApplicationScoped
public class ThreadClient {

    static final String SERVICE = "thread-service";

    private final ThreadRestClient rest;
    private final Downstream downstream;

    public ThreadClient(@RestClient ThreadRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(SERVICE, config.timeouts().call(), tokens);
    }

    /** The thread; 404 {@code not_found} (thread-service's answer) if it is not one of the caller's org. */
    public Uni<ThreadView> get(String threadId, Caller caller) {
        return downstream.call(caller, auth -> rest.get(threadId, auth));
    }

    /** The newest {@code limit} messages of the thread, oldest first. */
    public Uni<List<MessageView>> messages(String threadId, int limit, Caller caller) {
        return downstream
                .call(caller, auth -> rest.messages(threadId, limit, auth))
                .map(ThreadClient::messages);
    }

    /**
     * Adds ({@code add}) or removes a participant of the thread: the thread afterwards. 403 unless the caller created
     * the thread or is an admin; 404 if the caller does not reach it.
     */
    public Uni<ThreadView> participant(String threadId, String userId, boolean add, Caller caller) {
        return downstream.call(
                caller,
                auth -> add
                        ? rest.addParticipant(threadId, userId, auth)
                        : rest.removeParticipant(threadId, userId, auth));
    }

    /** The newest {@code limit} messages of the caller's current thread with the agent; empty if there is none. */
    public Uni<List<MessageView>> currentMessages(UUID agentId, int limit, Caller caller) {
        return downstream
                .call(caller, auth -> rest.currentMessages(agentId, limit, auth))
                .map(ThreadClient::messages);
    }

    /** Seed 001's conversation list, already in the seed's shape; {@code agentNumericId} 0 = every agent. */
    public Uni<JsonNode> list(long agentNumericId, ConversationQuery query, Caller caller) {
        return downstream.call(
                caller,
                auth -> rest.list(
                        agentNumericId,
                        query.userId(),
                        query.toolName(),
                        query.timeframe(),
                        query.includeTools(),
                        query.pageSize(),
                        query.page(),
                        query.pageToken(),
                        auth));
    }

    private static List<MessageView> messages(MessageList list) {
        return list == null || list.messages() == null ? List.of() : list.messages();
    }
}
