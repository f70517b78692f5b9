package dev.switchboard.gateway.client.run;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** run-service's tool catalog, read on behalf of a caller: a quick read, so the short deadline. */
@ApplicationScoped
public class ToolCatalogClient {

    private final ToolCatalogRestClient rest;
    private final Downstream downstream;

    public ToolCatalogClient(@RestClient ToolCatalogRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(RunClient.SERVICE, config.timeouts().call(), tokens);
    }

    public Uni<ToolCatalog> list(Caller caller) {
        return downstream.call(caller, rest::list);
    }
}
