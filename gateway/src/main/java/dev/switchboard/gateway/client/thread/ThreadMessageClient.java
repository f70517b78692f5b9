package dev.switchboard.gateway.client.thread;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** thread-service's messages with their details and feedback (seed 004). Its 4xx answers pass through. */
@ApplicationScoped
public class ThreadMessageClient {

    /** Feedback as thread-service stored it, and whether it was new (false: the caller's earlier one, updated). */
    public record GivenFeedback(StoredFeedback feedback, boolean created) {}

    private final ThreadMessageRestClient rest;
    private final Downstream downstream;

    public ThreadMessageClient(@RestClient ThreadMessageRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(ThreadClient.SERVICE, config.timeouts().call(), tokens);
    }

    /** Appends the message (idempotent by its id); 404 if the thread is not one of the caller's org. */
    public Uni<StoredMessage> append(String threadId, MessageWrite message, Caller caller) {
        return downstream.call(caller, auth -> rest.append(threadId, message, auth));
    }

    /** The message with the caller's feedback on it; 404 if there is no such message in the thread. */
    public Uni<MessageDetails> get(String threadId, String messageId, Caller caller) {
        return downstream.call(caller, auth -> rest.get(threadId, messageId, auth));
    }

    public Uni<GivenFeedback> feedback(String threadId, String messageId, FeedbackWrite feedback, Caller caller) {
        return downstream
                .call(caller, auth -> rest.feedback(threadId, messageId, feedback, auth))
                .map(response -> new GivenFeedback(response.getEntity(), response.getStatus() == 201));
    }
}
