package dev.switchboard.gateway.client.run;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A run answering a user message that is already in the thread; awaited like every run (the long deadline,
 * {@code switchboard.gateway.timeouts.run}), never retried.
 */
@ApplicationScoped
public class StoredMessageRunClient {

    static final String SERVICE = "run-service";

    private final StoredMessageRunRestClient rest;
    private final Downstream downstream;

    public StoredMessageRunClient(@RestClient StoredMessageRunRestClient rest, InternalTokens tokens,
            GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(SERVICE, config.timeouts().run(), tokens);
    }

    public Uni<StoredMessageRun.Result> run(StoredMessageRun run, Caller caller) {
        return downstream.call(caller, auth -> rest.run(run, auth));
    }
}
