package dev.switchboard.gateway.client.thread;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The caller's {@code Idempotency-Key} records, kept by thread-service. */
@ApplicationScoped
public class IdempotencyClient {

    static final String SERVICE = "thread-service";

    private final IdempotencyRestClient rest;
    private final Downstream downstream;

    public IdempotencyClient(@RestClient IdempotencyRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(SERVICE, config.timeouts().call(), tokens);
    }

    public Uni<KeyClaim> claim(String key, String requestHash, Caller caller) {
        return downstream.call(caller, auth -> rest.claim(new KeyClaim.Request(key, requestHash), auth));
    }

    public Uni<Void> complete(UUID claimId, int status, String body, Caller caller) {
        return downstream.call(caller, auth -> rest.complete(claimId, new KeyClaim.Completion(status, body), auth));
    }

    public Uni<Void> release(UUID claimId, Caller caller) {
        return downstream.call(caller, auth -> rest.release(claimId, auth));
    }
}
