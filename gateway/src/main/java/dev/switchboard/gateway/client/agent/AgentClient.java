package dev.switchboard.gateway.client.agent;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** agent-service, as the gateway calls it on behalf of a caller. Its 4xx answers pass through. */
@ApplicationScoped
public class AgentClient {

    static final String SERVICE = "agent-service";

    private final AgentRestClient rest;
    private final Downstream downstream;

    public AgentClient(@RestClient AgentRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(SERVICE, config.timeouts().call(), tokens);
    }

    public Uni<AgentView> create(AgentWrite agent, Caller caller) {
        return downstream.call(caller, auth -> rest.create(agent, auth));
    }

    public Uni<List<AgentView>> list(Caller caller) {
        return downstream.call(caller, rest::list).map(list -> list.agents() == null ? List.of() : list.agents());
    }

    /** The agent by numeric id, UUID or handle; 404 {@code not_found} (agent-service's answer) if there is none. */
    public Uni<AgentView> get(String ref, Caller caller) {
        return downstream.call(caller, auth -> rest.get(ref, auth));
    }

    public Uni<AgentView> update(String ref, AgentWrite changes, Caller caller) {
        return downstream.call(caller, auth -> rest.update(ref, changes, auth));
    }
}
