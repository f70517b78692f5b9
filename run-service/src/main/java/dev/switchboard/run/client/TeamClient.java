package dev.switchboard.run.client;

import dev.switchboard.run.config.RunsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** agent-service's teams, as run-service reads them for a team chat: a missing team is an empty answer. */
@ApplicationScoped
public class TeamClient {

    private final TeamRestClient rest;
    private final DownstreamCall call;

    public TeamClient(@RestClient TeamRestClient rest, RunsConfig config) {
        this.rest = rest;
        this.call = new DownstreamCall(AgentClient.SERVICE, config.client());
    }

    /** The team of the caller's org with that id; empty if there is none. */
    public Uni<Optional<TeamView>> find(String id, String authorization) {
        return call.idempotent(() -> rest.get(id, authorization))
                .map(Optional::of)
                .onFailure(DownstreamCall::isNotFound)
                .recoverWithItem(Optional.empty())
                .onFailure()
                .transform(call::translate);
    }
}
