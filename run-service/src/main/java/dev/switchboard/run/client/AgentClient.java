package dev.switchboard.run.client;

import dev.switchboard.run.config.RunsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** agent-service, as run-service sees it: timeouts, retries, and a missing agent as an empty answer. */
@ApplicationScoped
public class AgentClient {

    static final String SERVICE = "agent-service";

    private final AgentRestClient rest;
    private final DownstreamCall call;

    public AgentClient(@RestClient AgentRestClient rest, RunsConfig config) {
        this.rest = rest;
        this.call = new DownstreamCall(SERVICE, config.client());
    }

    /** The agent by numeric id, UUID or handle, in the caller's org; empty if there is none. */
    public Uni<Optional<AgentView>> find(String ref, String authorization) {
        return call.idempotent(() -> rest.get(ref, authorization))
                .map(Optional::of)
                .onFailure(DownstreamCall::isNotFound)
                .recoverWithItem(Optional.empty())
                .onFailure()
                .transform(call::translate);
    }
}
