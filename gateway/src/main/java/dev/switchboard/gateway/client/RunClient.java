package dev.switchboard.gateway.client;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * run-service, as the gateway calls it on behalf of a caller: a run is answered once it completed, so the
 * deadline is the long one ({@code switchboard.gateway.timeouts.run}). Never retried: a second call would be
 * a second run. Its 4xx answers pass through (an unknown thread is 404, field {@code threadId}).
 */
@ApplicationScoped
public class RunClient {

    static final String SERVICE = "run-service";

    private final RunRestClient rest;
    private final Downstream downstream;

    public RunClient(@RestClient RunRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(SERVICE, config.timeouts().run(), tokens);
    }

    public Uni<RunResult> run(RunRequest run, Caller caller) {
        return downstream.call(caller, auth -> rest.run(run, auth));
    }
}
