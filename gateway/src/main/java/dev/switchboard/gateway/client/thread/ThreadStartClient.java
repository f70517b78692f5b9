package dev.switchboard.gateway.client.thread;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A new thread with its first message in thread-service (seed 002). Not retried: a second call would be a
 * second thread. Its 4xx answers pass through (an attached file that is not the caller's: 404, field
 * {@code fileIds[i]}).
 */
@ApplicationScoped
public class ThreadStartClient {

    static final String SERVICE = "thread-service";

    private final ThreadStartRestClient rest;
    private final Downstream downstream;

    public ThreadStartClient(@RestClient ThreadStartRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(SERVICE, config.timeouts().call(), tokens);
    }

    public Uni<StartThread.Started> start(StartThread start, Caller caller) {
        return downstream.call(caller, auth -> rest.start(start, auth));
    }
}
