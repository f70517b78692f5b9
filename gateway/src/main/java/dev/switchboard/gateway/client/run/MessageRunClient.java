package dev.switchboard.gateway.client.run;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * run-service, answering a user message the gateway already stored in the thread (seed 004). Like
 * {@link RunClient}: the long deadline, never retried, 4xx answers pass through.
 */
@ApplicationScoped
public class MessageRunClient {

    private final MessageRunRestClient rest;
    private final Downstream downstream;

    public MessageRunClient(@RestClient MessageRunRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(RunClient.SERVICE, config.timeouts().run(), tokens);
    }

    public Uni<RunResult> run(MessageRunRequest run, Caller caller) {
        return downstream.call(caller, auth -> rest.run(run, auth));
    }

    /**
     * The id run-service gives the assistant message of a run of the org (deterministic, see its
     * {@code RunService.messageId}; a run id is unique within its org only).
     */
    public static UUID assistantMessageId(String orgId, String runId) {
        return UUID.nameUUIDFromBytes((orgId + ":" + runId + ":assistant").getBytes(StandardCharsets.UTF_8));
    }
}
